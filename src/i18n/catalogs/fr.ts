// French (Français). Ids and English source: en.ts. ${0}, ${1}, … are the source's expressions in order.
import { str } from '@lit/localize';
import type { Catalog } from '../catalog.js';

export const templates: Catalog = {
  'app.back-to-library': 'Retour à la bibliothèque',
  'app.enter-name': 'Saisir votre nom',
  'app.load-failed': 'Cette vue n’a pas pu être chargée',
  'app.load-failed-hint': 'Vérifiez votre connexion et rechargez la page.',
  'app.loading': 'Chargement…',
  'app.no-storage': 'Stockage indisponible',
  'app.no-storage-detail': str`Ce navigateur refuse au lecteur son stockage local (IndexedDB) : les cours et la progression ne peuvent pas être conservés ici : ${0}`,
  'app.no-storage-hint':
    'Les fenêtres de navigation privée et certains réglages de confidentialité en sont la cause. Essayez une fenêtre normale.',
  'app.not-found': 'Page introuvable',
  'app.not-found-detail': str`Il n’existe pas de vue nommée « ${0} ».`,
  'app.to-library': 'Aller à la bibliothèque',
  'app.who': 'Qui apprend ?',
  'app.who-detail': 'Votre progression est conservée sous votre nom dans ce navigateur.',
  'header.change-name': 'Changer de nom',
  'header.dispatch-maker': 'Créer un dispatch',
  'header.language': 'Langue',
  'header.learner': 'Apprenant :',
  'header.library': 'Bibliothèque',
  'header.nav': 'Navigation principale',
  'header.results': 'Résultats',
  'header.set-name': 'Indiquer votre nom',
  'header.skip': 'Aller au contenu',
  'title.dispatch': 'Cours',
  'title.dispatch-maker': 'Créer un dispatch',
  'title.library': 'Bibliothèque',
  'title.play': 'Lecture',
  'title.results': 'Résultats',
  'title.unknown': 'Page introuvable',
};
