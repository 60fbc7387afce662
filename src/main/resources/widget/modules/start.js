// The widget runs once per page; the stylesheet and the settings are filled in by the service.
if (window.Hiwar && window.Hiwar.mount) return;

const CSS = __HIWAR_CSS__;
const script = document.currentScript;
const ORIGIN = script ? new URL(script.src, location.href).origin : location.origin;

/** Limits and reason lists, from the service's configuration. */
const SETTINGS = __HIWAR_SETTINGS__;
