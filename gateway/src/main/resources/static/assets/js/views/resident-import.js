// Importing a rent roll (CSV) into a property: choose the file, preview what the import will do (a dry run of the
// same request), then import; the report lists the rejected rows with their reasons and can be downloaded.

import { h, fill, uid } from '../dom.js';
import { t } from '../i18n.js';
import { request } from '../api.js';
import { showError } from '../components.js';

/** A CSV cell spreadsheets read as data: quoted, and a formula-like start (= + - @) prefixed with a quote. */
function cell(value) {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return `"${text.replace(/"/g, '""')}"`;
}

/** The import panel; onImported() after an import that changed something (the residents list reloads). */
export function residentImport(propertyId, { signal, onImported }) {
  const messages = h('div', { class: 'messages', 'aria-live': 'polite' });
  const file = h('input', { id: uid('roll'), type: 'file', accept: '.csv,text/csv', testid: 'import-file' });
  const archive = h('input', { id: uid('archive'), type: 'checkbox', testid: 'import-archive' });
  const previewButton = h('button', { type: 'button', class: 'button', testid: 'import-preview', onclick: preview },
    t('import.preview'));
  const importButton = h('button', { type: 'button', class: 'button button-primary', testid: 'import-submit',
    disabled: true, onclick: () => run(false) }, t('import.submit'));
  const report = h('div', { testid: 'import-report' });
  let text = null;

  file.addEventListener('change', () => {
    importButton.disabled = true;
    report.replaceChildren();
    messages.replaceChildren();
  });
  archive.addEventListener('change', () => {
    importButton.disabled = true;
    report.replaceChildren();
  });

  async function preview() {
    messages.replaceChildren();
    // the import sends exactly the text that was previewed
    text = file.files.length ? await file.files[0].text() : null;
    if (!text) {
      fill(messages, h('p', { class: 'alert alert-error', role: 'alert' }, t('import.chooseFile')));
      return;
    }
    const answer = await run(true);
    importButton.disabled = !answer || answer.rows === answer.rejected.length;
  }

  async function run(dryRun) {
    const query = new URLSearchParams({ dryRun: String(dryRun), archiveMissing: String(archive.checked) });
    previewButton.disabled = true;
    importButton.disabled = true;
    try {
      const answer = await request('POST',
        `/api/properties/${encodeURIComponent(propertyId)}/residents:import?${query}`,
        { body: text, contentType: 'text/csv; charset=utf-8', signal });
      fill(report, summary(answer));
      if (!dryRun && (answer.created || answer.updated || answer.archived)) {
        onImported();
      }
      return answer;
    } catch (error) {
      if (error.name !== 'AbortError') {
        showError(messages, error);
      }
      return null;
    } finally {
      previewButton.disabled = false;
    }
  }

  function summary(answer) {
    const counts = ['created', 'updated', 'unchanged', 'archived']
      .map((key) => h('li', { testid: `import-${key}` }, t(`import.${key}`, { n: answer[key] })));
    counts.push(h('li', { testid: 'import-rejected' }, t('import.rejected', { n: answer.rejected.length })));
    const parts = [
      h('p', {}, h('strong', {}, t(answer.dryRun ? 'import.previewTitle' : 'import.doneTitle', { n: answer.rows }))),
      h('ul', { class: 'notes-list' }, counts),
    ];
    if (answer.dryRun && archive.checked && answer.rejected.length > 0) {
      parts.push(h('p', { class: 'muted' }, t('import.noArchiveWithRejected')));
    }
    if (answer.rejected.length) {
      parts.push(h('div', { class: 'table-scroll' }, h('table', { testid: 'import-rejected-rows' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('import.row')),
          h('th', { scope: 'col' }, t('import.field')),
          h('th', { scope: 'col' }, t('import.reason')))),
        h('tbody', {}, answer.rejected.map((r) => h('tr', {},
          h('td', {}, String(r.row)), h('td', {}, r.field), h('td', {}, r.reason)))))));
      parts.push(h('button', { type: 'button', class: 'link-button', onclick: () => download(answer) },
        t('import.download')));
    }
    return parts;
  }

  function download(answer) {
    const lines = [['row', 'field', 'reason'].map(cell).join(',')]
      .concat(answer.rejected.map((r) => [r.row, r.field, r.reason].map(cell).join(',')));
    const url = URL.createObjectURL(new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' }));
    const a = h('a', { href: url, download: 'import-report.csv' });
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  }

  return h('details', { class: 'card disclosure', testid: 'import-panel' },
    h('summary', {}, t('import.title')),
    h('div', { class: 'stack' },
      h('p', { class: 'muted' }, t('import.help')),
      h('div', { class: 'field' }, h('label', { for: file.id }, t('import.file')), file),
      h('div', { class: 'field' }, h('label', { for: archive.id }, archive, ' ', t('import.archiveMissing'))),
      messages,
      h('div', { class: 'form-actions' }, previewButton, importButton),
      report));
}
