/*
 * A stand-in for jQuery 1.4.3 and jQuery UI 1.8.5, which golf-SequencingPostTestRollup4thEd's launch page
 * loads from ajax.googleapis.com before it initializes. The test machine has no internet, so the whole-app
 * tests answer both CDN URLs with this script. It covers exactly what shared/launchpage.html calls:
 *   $("#notesWin").dialog({ autoOpen: false, ... }) / .dialog('open') / .dialog('close')
 *   $("#txtNotes").val() / .val(text)
 *   $(fn) and $(document).ready(fn)
 * Loaded twice (once per URL), it keeps the first definition.
 */
(function () {
  'use strict';
  if (window.jQuery && window.jQuery.standIn) return;

  function Wrapped(elements) {
    this.elements = elements;
    this.length = elements.length;
  }

  Wrapped.prototype.val = function (value) {
    if (arguments.length === 0) return this.elements[0] ? this.elements[0].value : undefined;
    this.elements.forEach(function (el) {
      el.value = value;
    });
    return this;
  };

  Wrapped.prototype.ready = function (fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else setTimeout(fn, 0);
    return this;
  };

  // jQuery UI's dialog, reduced to showing and hiding the element.
  Wrapped.prototype.dialog = function (options) {
    this.elements.forEach(function (el) {
      if (options === 'open') el.hidden = false;
      else if (options === 'close') el.hidden = true;
      else if (!options || options.autoOpen !== true) el.hidden = true;
      if (options && typeof options === 'object' && options.title) el.setAttribute('title', options.title);
    });
    return this;
  };

  function $(selector) {
    if (typeof selector === 'function') return new Wrapped([document]).ready(selector);
    if (selector === document || selector === window) return new Wrapped([selector]);
    if (typeof selector === 'string') return new Wrapped(Array.prototype.slice.call(document.querySelectorAll(selector)));
    return new Wrapped(selector ? [selector] : []);
  }
  $.fn = Wrapped.prototype;
  $.standIn = true;
  window.jQuery = window.$ = $;
})();
