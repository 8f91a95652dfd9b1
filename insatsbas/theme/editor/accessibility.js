// What Decap CMS 3.16.3 leaves out for assistive technology, added as Decap renders: names for the Markdown
// editor's text box (its field's label; axe aria-input-field-name) and for the preview (axe frame-title), and a
// main landmark for the entry editor and the login page, which have none (the collection lists have their own
// <main>; axe region, landmark-one-main), and a level-one heading for the login page, whose only content is
// Decap's logo and a button (axe page-has-heading-one); names for the icon buttons on each item of a list
// (fold, move, remove; axe button-name, aria-command-name).
const HEADING = 'Redigera insatser i Insatsbas';
const PREVIEW_TITLE = 'Förhandsvisning av insatsen';

function nameMarkdownEditors(root) {
  for (const box of root.querySelectorAll('[data-slate-editor="true"]:not([aria-labelledby])')) {
    const label = box.closest('[class*="ControlContainer"]')?.querySelector('label[for]');
    if (!label) continue;
    label.id ||= `${label.htmlFor}-label`;
    box.setAttribute('aria-labelledby', label.id);
  }
}

function namePreview(root) {
  for (const frame of root.querySelectorAll('iframe#preview-pane:not([title])')) frame.title = PREVIEW_TITLE;
}

function markMain(root) {
  for (const part of root.querySelectorAll(
    '[class*="EditorContainer"]:not([role]), [class*="AuthenticationPage"]:not([role])',
  )) {
    part.setAttribute('role', 'main');
  }
  for (const logo of root.querySelectorAll('[class*="AuthenticationPage"] [class*="LogoIcon"]:not([role])')) {
    logo.setAttribute('role', 'heading');
    logo.setAttribute('aria-level', '1');
    logo.setAttribute('aria-label', HEADING);
  }
}

function nameListItemButtons(root) {
  for (const button of root.querySelectorAll('button[class*="TopBarButton"]:not([aria-label])')) {
    const first = button === button.parentElement.firstElementChild;
    button.setAttribute('aria-label', first ? 'Visa eller dölj' : 'Ta bort');
  }
  for (const handle of root.querySelectorAll('[aria-roledescription="sortable"]:not([aria-label])')) {
    handle.setAttribute('aria-label', 'Flytta');
  }
}

function nameAll() {
  nameMarkdownEditors(document);
  namePreview(document);
  markMain(document);
  nameListItemButtons(document);
}

new MutationObserver(nameAll).observe(document.documentElement, { childList: true, subtree: true });
nameAll();
