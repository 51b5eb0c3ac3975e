/*
 * A tiny SCORM 2004 wrapper for the demo course's SCOs.
 *
 * API discovery follows the ADL RTE book's sample (RTE 3.3.6.1, "ScanForAPI"/"GetAPI"): climb the parent
 * chain from window.parent looking for API_1484_11 (at most 500 hops), then do the same from window.opener.
 * A cross-origin window throws on property access; we treat that as "not found here" and stop climbing.
 */
(function () {
  'use strict';

  var MAX_HOPS = 500;

  function apiOn(win) {
    try {
      return win.API_1484_11 || null;
    } catch (e) {
      return null; // cross-origin: not ours to read
    }
  }

  function parentOf(win) {
    try {
      return win.parent && win.parent !== win ? win.parent : null;
    } catch (e) {
      return null;
    }
  }

  /** RTE 3.3.6.1 ScanForAPI: the window itself, then its ancestors. */
  function scanForAPI(win) {
    var hops = 0;
    while (win && !apiOn(win) && hops < MAX_HOPS) {
      win = parentOf(win);
      hops++;
    }
    return win ? apiOn(win) : null;
  }

  /** RTE 3.3.6.1 GetAPI: the parent chain first, then the opener's. */
  function getAPI(win) {
    var api = null;
    var parent = parentOf(win);
    if (parent) api = scanForAPI(parent);
    if (!api && win.opener) {
      try {
        api = scanForAPI(win.opener);
      } catch (e) {
        api = null;
      }
    }
    return api;
  }

  /** ISO 8601 duration for cmi.session_time (RTE 4.2.22: timeinterval, seconds to 0.01 s). */
  function isoDuration(ms) {
    var total = Math.max(0, Math.round(ms / 10)) / 100;
    var h = Math.floor(total / 3600);
    var m = Math.floor((total % 3600) / 60);
    var s = Math.round((total % 60) * 100) / 100;
    return 'PT' + h + 'H' + m + 'M' + s + 'S';
  }

  var api = getAPI(window);
  var started = Date.now();
  var running = false;
  var terminated = false;

  var Scorm = {
    /** True when an LMS was found and Initialize succeeded. */
    get connected() {
      return running;
    },

    start: function () {
      if (!api) return false;
      running = api.Initialize('') === 'true';
      return running;
    },

    get: function (element) {
      return running ? api.GetValue(element) : '';
    },

    set: function (element, value) {
      return running ? api.SetValue(element, String(value)) === 'true' : false;
    },

    commit: function () {
      if (!running) return false;
      Scorm.set('cmi.session_time', isoDuration(Date.now() - started));
      return api.Commit('') === 'true';
    },

    /** adl.nav.request_valid.<request> (RTE 4.4.4): 'true', 'false' or 'unknown'. */
    requestValid: function (request) {
      return running ? api.GetValue('adl.nav.request_valid.' + request) : 'false';
    },

    /**
     * Ends the session. `exit` is cmi.exit ('suspend' keeps the attempt for the next launch, RTE 4.2.12);
     * `navRequest` is an optional adl.nav.request the LMS acts on after Terminate (RTE 4.4.3).
     */
    finish: function (exit, navRequest) {
      if (!running || terminated) return;
      terminated = true;
      Scorm.set('cmi.exit', exit || '');
      if (navRequest) Scorm.set('adl.nav.request', navRequest);
      Scorm.set('cmi.session_time', isoDuration(Date.now() - started));
      api.Terminate('');
      running = false;
    },

    get terminated() {
      return terminated;
    },
  };

  window.Scorm = Scorm;
})();
