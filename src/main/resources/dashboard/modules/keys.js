// Keyboard shortcuts for working the queue.
function onKey(e) {
  if (e.ctrlKey || e.metaKey || e.altKey || $('desk').hidden || !QUEUES.includes(state.view)) return;
  if (e.target.closest('input, textarea, select, dialog')) return;
  const item = state.items[state.focus];
  const act = {
    j: () => focusCard(state.focus + 1),
    k: () => focusCard(state.focus - 1),
    a: () => item && decide(item, 'approve'),
    r: () => item && rejectWithReason([item]),
    f: () => item && item.status === 'published' && decide(item, item.featured ? 'unfeature' : 'feature'),
    x: () => { if (item) { toggleSelect(item.id); focusCard(state.focus); } },
    u: () => item && item.author && item.author.id != null && openUser(item.author.id),
    '?': () => $('help').showModal(),
    Escape: () => closeDrawer()
  }[e.key];
  if (act) { e.preventDefault(); act(); }
}

function onDialogKey(e) {
  const n = Number(e.key);
  if (n >= 1 && n <= REJECT_REASONS.length) {
    $('reject-dialog').querySelector('input[value="' + REJECT_REASONS[n - 1] + '"]').checked = true;
  }
}
