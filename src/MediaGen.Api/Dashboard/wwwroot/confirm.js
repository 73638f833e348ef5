// One confirmation dialog for every action (cancel, re-run, purge): nothing happens until the operator confirms.
import { replace } from './dom.js';

const dialog = document.getElementById('confirm');
const form = document.getElementById('confirm-form');
const error = document.getElementById('confirm-error');
let pending = null;

/** Opens the dialog; action() runs on confirm; its error stays in the dialog, its success closes it. */
export function confirmAction({ title, text, extra = null, ok = 'Confirm', action }) {
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  replace(document.getElementById('confirm-extra'), extra ?? []);
  document.getElementById('confirm-ok').textContent = ok;
  error.hidden = true;
  pending = action;
  dialog.showModal();
  (dialog.querySelector('#confirm-extra input, #confirm-extra textarea') ?? document.getElementById('confirm-cancel')).focus();
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  if (!pending) return;
  const okButton = document.getElementById('confirm-ok');
  okButton.disabled = true;
  try {
    await pending();
    pending = null;
    dialog.close();
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  } finally {
    okButton.disabled = false;
  }
});
document.getElementById('confirm-cancel').addEventListener('click', () => { pending = null; dialog.close(); });
