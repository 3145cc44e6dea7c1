// Opens a cited article in the side panel with the cited span highlighted.
// Article text only ever goes into the page through text nodes (textContent), never as
// markup: an article that contains "<script>" shows those characters and nothing runs.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("newsweave-data").textContent);
  var viewer = document.getElementById("viewer");
  var title = document.getElementById("viewer-title");
  var meta = document.getElementById("viewer-meta");
  var body = document.getElementById("viewer-text");
  var closer = document.getElementById("viewer-close");
  var active = null;

  function describe(article) {
    var parts = [article.source];
    if (article.published) { parts.push(article.published); }
    if (article.degraded) { parts.push("degraded text: lowercased, no punctuation"); }
    return parts.join(" \u00b7 ");
  }

  // start/end are UTF-16 offsets (the renderer converts them), as String.slice expects.
  function show(index, start, end, link) {
    var article = data.articles[index];
    if (!article) { return; }
    title.textContent = article.title || article.source;
    meta.textContent = describe(article);
    var text = article.text;
    var mark = null;
    if (start >= 0 && end > start && end <= text.length) {
      mark = document.createElement("mark");
      mark.id = "highlight";
      mark.textContent = text.slice(start, end);
      body.replaceChildren(document.createTextNode(text.slice(0, start)), mark,
                           document.createTextNode(text.slice(end)));
    } else {
      body.replaceChildren(document.createTextNode(text));
    }
    if (active) { active.removeAttribute("aria-current"); }
    active = link;
    if (active) { active.setAttribute("aria-current", "true"); }
    viewer.classList.add("open");
    document.body.classList.add("viewing");
    if (mark) {
      mark.scrollIntoView({ block: "center" });
    } else {
      body.scrollTop = 0;
    }
  }

  function close() {
    viewer.classList.remove("open");
    document.body.classList.remove("viewing");
    if (active) { active.focus(); }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-article]");
    if (!link) { return; }
    event.preventDefault();
    show(Number(link.dataset.article), Number(link.dataset.start || -1),
         Number(link.dataset.end || -1), link);
  });
  closer.addEventListener("click", close);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && viewer.classList.contains("open")) { close(); }
  });
}());
