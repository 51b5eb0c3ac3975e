// Spanish (Español). Ids and English source: en.ts. ${0}, ${1}, … are the source's expressions in order.
import { str } from '@lit/localize';
import type { Catalog } from '../catalog.js';

export const templates: Catalog = {
  'app.back-to-library': 'Volver a la biblioteca',
  'app.enter-name': 'Escribir su nombre',
  'app.load-failed': 'No se pudo cargar esta vista',
  'app.load-failed-hint': 'Compruebe su conexión y vuelva a cargar la página.',
  'app.loading': 'Cargando…',
  'app.no-storage': 'Almacenamiento no disponible',
  'app.no-storage-detail': str`Este navegador niega al reproductor su almacenamiento local (IndexedDB), así que los cursos y el progreso no se pueden guardar aquí: ${0}`,
  'app.no-storage-hint':
    'Las ventanas privadas y algunos ajustes de privacidad provocan esto. Pruebe con una ventana normal.',
  'app.not-found': 'Página no encontrada',
  'app.not-found-detail': str`No existe ninguna vista llamada «${0}».`,
  'app.to-library': 'Ir a la biblioteca',
  'app.who': '¿Quién está aprendiendo?',
  'app.who-detail': 'Su progreso se guarda con su nombre en este navegador.',
  'header.change-name': 'Cambiar nombre',
  'header.dispatch-maker': 'Crear dispatch',
  'header.language': 'Idioma',
  'header.learner': 'Estudiante:',
  'header.library': 'Biblioteca',
  'header.nav': 'Navegación principal',
  'header.results': 'Resultados',
  'header.set-name': 'Indicar su nombre',
  'header.skip': 'Saltar al contenido',
  'title.dispatch': 'Curso',
  'title.dispatch-maker': 'Crear dispatch',
  'title.library': 'Biblioteca',
  'title.play': 'Reproducción',
  'title.results': 'Resultados',
  'title.unknown': 'Página no encontrada',
};
