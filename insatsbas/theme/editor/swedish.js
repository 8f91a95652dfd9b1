// Phrases Decap CMS 3.16.3's Swedish locale lacks (its English ones would show instead: "Add öppettid",
// "Set Senast granskad to now", "Expand"). editor.js adds them to the bundled Swedish locale.
export const MISSING_SWEDISH = {
  auth: { loginWithForgejo: 'Logga in med Forgejo' },
  collection: {
    collectionTop: { viewAsList: 'Visa som lista', viewAsGrid: 'Visa som rutnät' },
    entries: { unpublishedHeader: 'Opublicerade inlägg' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'Fältet %{widgetLabel}' } },
    editorControlPane: {
      i18n: {
        copyFromLocale: 'Fyll i från ett annat språk',
        copyFromLocaleConfirm: 'Vill du fylla i från språket %{locale}?\nAllt som redan står här skrivs över.',
      },
    },
    editorInterface: { toggleNotes: 'Visa eller dölj anteckningar' },
    editorNotesPane: {
      title: 'Anteckningar',
      emptyState: 'Inga anteckningar än. Skriv den första nedan.',
      addNote: 'Lägg till anteckning',
      addPlaceholder: 'Skriv en anteckning …',
      editPlaceholder: 'Ändra anteckningen …',
      save: 'Spara',
      cancel: 'Avbryt',
      edit: 'Ändra',
      delete: 'Ta bort',
      resolve: 'Markera som klar',
      unresolve: 'Markera som inte klar',
      confirmDelete: 'Vill du ta bort anteckningen?',
      shortcut: 'Tips: Ctrl+Enter lägger till anteckningen.',
    },
    editorToolbar: {
      statusInfoTooltipDraft: 'Inlägget är ett utkast. Sätt status till ”Under granskning” när det är klart att granska.',
      statusInfoTooltipInReview: 'Inlägget granskas. Du behöver inte göra något mer, men du kan fortfarande ändra det.',
    },
    editorWidgets: {
      markdown: {
        strikethrough: 'Genomstruken',
        toggleMode: { rich: 'Byt till formaterad text', markdown: 'Byt till Markdown' },
      },
      image: { chooseMultiple: 'Välj bilder', addMore: 'Lägg till fler bilder', removeAll: 'Ta bort alla bilder' },
      file: { chooseMultiple: 'Välj filer', addMore: 'Lägg till fler filer', removeAll: 'Ta bort alla filer' },
      datetime: { setToNow: 'Sätt %{fieldLabel} till i dag' },
      list: { add: 'Lägg till %{item}', addType: 'Lägg till %{item}' },
      object: { expand: 'Visa', collapse: 'Dölj' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: 'Stäng' } },
  ui: {
    settingsDropdown: { account: 'Kontoinställningar' },
    toast: {
      noteAdded: 'Anteckningen är tillagd',
      onFailToAddNote: 'Anteckningen kunde inte läggas till: %{details}',
      noteUpdated: 'Anteckningen är ändrad',
      onFailToUpdateNote: 'Anteckningen kunde inte ändras: %{details}',
      noteDeleted: 'Anteckningen är borttagen',
      onFailToDeleteNote: 'Anteckningen kunde inte tas bort: %{details}',
      noteResolved: 'Anteckningen är markerad som klar',
      noteReopened: 'Anteckningen är öppnad igen',
      onFailToToggleNote: 'Anteckningen kunde inte ändras: %{details}',
    },
  },
};

// The bundled locale with the missing phrases added (never replacing one Decap has).
export function completed(locale, missing = MISSING_SWEDISH) {
  const result = { ...locale };
  for (const [key, value] of Object.entries(missing)) {
    if (typeof value === 'object') result[key] = completed(locale?.[key] ?? {}, value);
    else if (!(key in result)) result[key] = value;
  }
  return result;
}
