// German (Deutsch). Ids and English source: en.ts. ${0}, ${1}, … are the source's expressions in order.
import { str } from '@lit/localize';
import type { Catalog } from '../catalog.js';

export const templates: Catalog = {
  'app.back-to-library': 'Zurück zur Bibliothek',
  'app.enter-name': 'Namen eingeben',
  'app.load-failed': 'Diese Ansicht konnte nicht geladen werden',
  'app.load-failed-hint': 'Prüfen Sie Ihre Verbindung und laden Sie die Seite neu.',
  'app.loading': 'Wird geladen …',
  'app.no-storage': 'Kein Speicher verfügbar',
  'app.no-storage-detail': str`Dieser Browser verweigert dem Player seinen lokalen Speicher (IndexedDB), daher können Kurse und Fortschritt hier nicht gespeichert werden: ${0}`,
  'app.no-storage-hint':
    'Private Fenster und manche Datenschutzeinstellungen verursachen das. Versuchen Sie es in einem normalen Fenster.',
  'app.not-found': 'Seite nicht gefunden',
  'app.not-found-detail': str`Es gibt keine Ansicht namens „${0}“.`,
  'app.to-library': 'Zur Bibliothek',
  'app.who': 'Wer lernt?',
  'app.who-detail': 'Ihr Fortschritt wird unter Ihrem Namen in diesem Browser gespeichert.',
  'header.change-name': 'Namen ändern',
  'header.dispatch-maker': 'Dispatch erstellen',
  'header.language': 'Sprache',
  'header.learner': 'Lernende(r):',
  'header.library': 'Bibliothek',
  'header.nav': 'Hauptnavigation',
  'header.results': 'Ergebnisse',
  'header.set-name': 'Namen festlegen',
  'header.skip': 'Zum Inhalt springen',
  'title.dispatch': 'Kurs',
  'title.dispatch-maker': 'Dispatch erstellen',
  'title.library': 'Bibliothek',
  'title.play': 'Wiedergabe',
  'title.results': 'Ergebnisse',
  'title.unknown': 'Seite nicht gefunden',
};
