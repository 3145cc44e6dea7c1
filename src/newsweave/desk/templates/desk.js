// Enhancement only: the pages work without it. A story page waiting for the worker
// reloads itself once a newer version is written.
(function () {
  "use strict";
  var page = document.querySelector(".story-page");
  if (!page || page.dataset.pending !== "yes") { return; }
  var id = page.dataset.story, version = Number(page.dataset.version), tries = 0;
  function check() {
    fetch("/api/stories/" + encodeURIComponent(id)).then(function (r) { return r.json(); })
      .then(function (story) {
        if (story.version > version && !story.pending) { window.location.reload(); }
        else if (++tries < 60) { window.setTimeout(check, 2000); }
      }).catch(function () {});
  }
  window.setTimeout(check, 1500);
}());
