// Decap CMS starts itself when its script loads unless told otherwise; editor.js starts it with the
// generated configuration and the catalogue's YAML format registered first.
window.CMS_MANUAL_INIT = true;
