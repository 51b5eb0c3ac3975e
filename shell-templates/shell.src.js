// scorm-player dispatch shell, for SCORM 1.2 and 2004 alike. scripts/build-shells.ts (`npm run shells`)
// keeps the lines of one version (between `//#if 1.2`, `//#else` and `//#endif`) and minifies them into
// scorm12/shell.js and scorm2004/shell.js; src/dispatch/build-shell.ts fills every "{{js:…}}" with a JSON
// string literal when it makes a package. It is a file of the package, not an inline script, so an LMS
// page whose CSP allows only `script-src 'self'` runs it. Design and failure modes: docs/scorm-reference.md
// section F; README "## Dispatch"; the messages: src/dispatch/relay-protocol.ts.
(function () {
  var PLAYER = "{{js:playerUrl}}", TOKEN = "{{js:token}}", TITLE = "{{js:title}}", MODE = "{{js:mode}}", ROUTE = "{{js:route}}";
  var main = document.getElementById('m'), api = null, live = false, done = false, leaving = false;
  var start = Date.now(), last = null, frame = null;
  // The message for a script that never ran (index.html) is not for us.
  document.getElementById('x').remove();

  function add(tag, text) {
    var e = document.createElement(tag);
    e.textContent = text;
    return main.appendChild(e);
  }
  function show(head, text, retry) {
    main.innerHTML = '';
    main.setAttribute('role', 'alert');
    add('h1', head).tabIndex = -1;
    add('p', text);
    if (retry) add('button', 'Retry').onclick = retry;
    main.firstChild.focus();
  }
  // Reading a property of a cross-origin window throws a SecurityError (reference C): treat it as absent.
  function prop(w, k) {
    try { return w ? w[k] : null; } catch (e) { return null; }
  }
//#if 1.2
  // ADL APIWrapper findAPI (RTE 3.3.6.1): this window and up to 7 parents; then the same from the opener.
  var NAME = 'API', HOPS = 7, L = 4096, P = 'LMS', ID = 'cmi.core.student_id', E = 'cmi.core.';
//#else
  // RTE 3.3.6.2 ScanForAPI: the parent chain (500 hops), then the opener's chain. This window is checked first,
  // as the ADL SampleRTE wrapper does (reference C). cmi.suspend_data takes 64000 characters (RTE 4.2.24).
  var NAME = 'API_1484_11', HOPS = 500, L = 64000, P = '', ID = 'cmi.learner_id', E = 'cmi.';
//#endif
  function scan(w) {
    for (var n = 0; w && n <= HOPS; n++) {
      if (prop(w, NAME)) return prop(w, NAME);
      var p = prop(w, 'parent');
      if (!p || p === w) break;
      w = p;
    }
    return null;
  }
  function call(f, a, b) { return String(api[P + f](a, b)); }
  function get(k) { return call('GetValue', k) || ''; }
  function set(k, v) { return call('SetValue', k, String(v)) === 'true'; }
  function commit() { call('Commit', ''); }
//#if 1.2
  function dec(x) { return String(Math.round(x * 100) / 100); }
  function two(n) { return (n < 10 ? '0' : '') + n; }
  // CMITimespan HHHH:MM:SS.SS (RTE 3.4.2.1.13 / A3).
  function span(s) {
    s = Math.min(s, 35999999.99);
    var x = s % 60;
    return two(Math.floor(s / 3600)) + ':' + two(Math.floor((s % 3600) / 60)) + ':' + (x < 10 ? '0' : '') + x.toFixed(2);
  }
//#else
  function dec(x) { return String(Math.round(x * 1e4) / 1e4); }
  // timeinterval (second,10,2): an ISO 8601 duration (RTE 4.2.23, B3).
  function span(s) {
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    return 'PT' + h + 'H' + m + 'M' + (Math.round((s % 60) * 100) / 100) + 'S';
  }
//#endif
  function time() {
    set(E + 'session_time', span(last ? last.sessionSeconds : (Date.now() - start) / 1000));
  }
  function finish(exit) {
    if (!live || done) return;
    done = true;
    time();
//#if 1.2
    set(E + 'exit', exit === 'normal' ? '' : exit);
//#else
    set(E + 'exit', exit);
//#endif
    commit();
    call(P ? 'Finish' : 'Terminate', '');
  }
  function target(id) {
    var t = encodeURIComponent(TOKEN), u = 'user_id=' + encodeURIComponent(id);
    return PLAYER + (ROUTE === 'query' ? '?dispatch=' + t + '&' : 'player/dispatch/' + t + '?') + u +
      (MODE === 'relay' ? '&relay=1' : '');
  }
  // A HEAD request in no-cors mode settles when the player's server answers and fails when it is unreachable
  // (offline, DNS, refused, mixed content), so the learner sees a message here instead of a browser error page.
  // It starts at once, beside the API calls, and opens the connection the redirect then reuses. An LMS page
  // whose CSP forbids the request (connect-src) says nothing about the player: then go ahead.
  var csp = false;
  addEventListener('securitypolicyviolation', function () { csp = true; });
  function reach() {
    var c = new AbortController();
    setTimeout(function () { c.abort(); }, 10000);
    return fetch(PLAYER, { method: 'HEAD', mode: 'no-cors', signal: c.signal }).then(function () { return true; }, function () {
      return new Promise(function (ok) { setTimeout(function () { ok(csp); }, 50); });
    });
  }
  var reachable = reach();
  function probe(then) {
    reachable.then(function (ok) {
      if (ok) return then();
      show('The course player cannot be reached', 'Check your connection. (' + PLAYER + ')', function () {
        main.innerHTML = '<p>Trying again&hellip;</p>';
        reachable = reach();
        probe(then);
      });
    });
  }

  // Relay: the shell stays, frames the player and writes what the player posts into the LMS.
  var STATUS = ['completed', 'incomplete', 'not attempted', 'unknown'], SUCCESS = ['passed', 'failed', 'unknown'];
  function num(v, lo, hi) { return v === undefined || (typeof v === 'number' && v >= lo && v <= hi); }
  function str(v, max) { return v === undefined || (typeof v === 'string' && v.length <= max); }
  function valid(d) {
    return !!d && typeof d === 'object' && d.v === 1 && d.token === TOKEN &&
      (d.type === 'scorm-dispatch:progress' || d.type === 'scorm-dispatch:exit') &&
      STATUS.indexOf(d.completion) >= 0 && SUCCESS.indexOf(d.success) >= 0 && d.sessionSeconds !== undefined &&
      num(d.sessionSeconds, 0, 36e6) && num(d.scoreScaled, -1, 1) && num(d.progressMeasure, 0, 1) &&
      [d.scoreRaw, d.scoreMin, d.scoreMax].every(function (x) { return num(x, -1e9, 1e9); }) &&
      str(d.location, 255) && str(d.state, 64000) && str(d.fallback, 64000) &&
      (d.suspended === undefined || typeof d.suspended === 'boolean');
  }
  function write(d) {
    last = d;
//#if 1.2
    // 1.2 has one status for both (RTE 3.4.2.1.6): passed/failed outrank completed/incomplete. Scores go in as a
    // percentage, the range 1.2 LMSs accept for cmi.core.score.raw.
    set(E + 'lesson_status', d.success !== 'unknown' ? d.success : d.completion === 'completed' ? 'completed' : 'incomplete');
    var sc = d.scoreScaled, pct = sc !== undefined ? Math.max(0, sc) * 100 : d.scoreRaw;
    if (pct !== undefined && pct >= 0 && pct <= 100) {
      set(E + 'score.min', sc === undefined && d.scoreMin >= 0 ? dec(d.scoreMin) : 0);
      set(E + 'score.max', sc === undefined && d.scoreMax <= 100 ? dec(d.scoreMax) : 100);
      set(E + 'score.raw', dec(pct));
    }
    if (d.location !== undefined) set(E + 'lesson_location', d.location);
//#else
    // 2004 keeps completion and success apart (RTE 4.2.4, 4.2.22); the scaled score is the one sequencing uses.
    if (d.completion === 'completed' || d.completion === 'incomplete') set(E + 'completion_status', d.completion);
    if (d.success !== 'unknown') set(E + 'success_status', d.success);
    ['scaled', 'min', 'max', 'raw'].forEach(function (k) {
      var v = d['score' + k[0].toUpperCase() + k.slice(1)];
      if (v !== undefined) set(E + 'score.' + k, dec(v));
    });
    if (d.progressMeasure !== undefined) set(E + 'progress_measure', dec(d.progressMeasure));
    if (d.location !== undefined) set(E + 'location', d.location);
//#endif
    time();
    // The learner's course state (issue 14): the full form, else the essential part the player marked, which
    // also goes in when the LMS refuses the full form (a lower cap: 1.2 error 405, 2004 error 351). The results
    // above are written whatever happens here, and the player hears which form the LMS holds.
    if (d.state === undefined) return;
    var code = '', kept = 'none';
    [d.state, d.fallback].some(function (s, i) {
      if (s === undefined || s.length > L) return false;
      if (set('cmi.suspend_data', s)) return (kept = i ? 'fallback' : 'state');
      code = call('GetLastError');
    });
    frame.contentWindow.postMessage({ type: 'scorm-dispatch:stored', v: 1, token: TOKEN, stored: kept, error: code },
      new URL(PLAYER).origin);
  }
  function relay(id, name) {
    var origin = new URL(PLAYER).origin, timer;
    frame = document.createElement('iframe');
    frame.src = target(id);
    frame.title = TITLE;
    frame.allow = 'fullscreen';
    function hello() {
      frame.contentWindow.postMessage({ type: 'scorm-dispatch:hello', v: 1, token: TOKEN, origin: location.origin,
        learnerName: name, resume: get('cmi.suspend_data'), entry: get(E + 'entry'), limit: L }, origin);
    }
    frame.onload = hello;
    addEventListener('message', function (e) {
      if (e.origin !== origin || e.source !== frame.contentWindow || done) return;
      var d = e.data;
      if (d && d.type === 'scorm-dispatch:ping') return hello();
      if (!valid(d)) return;
      write(d);
      if (d.type === 'scorm-dispatch:progress') return commit();
      // The player's session ended: end the LMS session too, so it records the time and the attempt.
      finish(d.suspended ? 'suspend' : 'normal');
      clearInterval(timer);
      frame.remove();
      main.style.display = '';
      show('You have left the course', 'Your progress is saved. You can close this window.');
    });
    // Keep the LMS session alive during a long remote session (section F: host session time-outs).
    timer = setInterval(function () { if (!done) { time(); commit(); } }, 60000);
    main.style.display = 'none';
    document.body.appendChild(frame);
  }

  addEventListener('pagehide', function () { if (!leaving) finish(frame ? 'suspend' : 'normal'); });
  api = scan(window) || scan(prop(window, 'opener')) || scan(prop(prop(window, 'top'), 'opener'));
  if (!api) {
    return show('Your learning system was not found',
      'Open this course from your LMS: no SCORM ' + (P ? '1.2' : '2004') + ' API (window.' + NAME + ') was found.');
  }
  if (call('Initialize', '') !== 'true') {
    var code = call('GetLastError');
    return show('Your learning system refused to start this course',
      call('GetErrorString', code) + ' ' + (call('GetDiagnostic', code) || '') + ' (error ' + code + ')');
  }
  live = true;
  var id = get(ID), name = get(E + (P ? 'student_name' : 'learner_name'));
  if (!/\S/.test(id)) {
    return show('Your learner id is missing',
      'Your LMS did not say who you are (' + ID + ' is empty). Please tell your LMS administrator.');
  }
//#if 1.2
  // The learner has begun: say so, so that an unload never turns "not attempted" into "completed" (RTE 3.4.4 / A5).
  var S = 'lesson_status', FRESH = /^not attempted$/;
//#else
  // The learner has begun: say so (RTE 4.2.4), so the LMS shows the attempt as under way.
  var S = 'completion_status', FRESH = /^(unknown|not attempted)$/;
//#endif
  if (FRESH.test(get(E + S))) {
    set(E + S, 'incomplete');
    commit();
  }
  probe(function () {
    if (MODE === 'relay') return relay(id, name);
    leaving = true;
    location.replace(target(id));
  });
})();
