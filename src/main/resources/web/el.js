// The one DOM helper of the widget and the dashboard: text only through textContent, handlers
// through addEventListener, never HTML.
/**
 * el('button', { type: 'button', text: 'Save', onclick: fn }, ...children). Props that are
 * null, undefined or false are left out; true sets an empty attribute.
 */
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'className') node.className = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false && child !== '') node.append(child);
  return node;
}
