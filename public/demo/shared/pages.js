/*
 * A paged content SCO: the pages are the <section class="page"> elements of the document.
 *
 * What it reports through window.Scorm (shared/scorm.js):
 * - cmi.location: the page the learner is on (RTE 4.2.14), restored on the next launch when entry=resume;
 * - cmi.progress_measure: pages seen / pages (RTE 4.2.18);
 * - cmi.completion_status: completed once every page has been seen (RTE 4.2.4);
 * - cmi.suspend_data: the set of pages seen and the state of any checkboxes (RTE 4.2.23);
 * - cmi.session_time on every commit and at the end (RTE 4.2.22);
 * - cmi.exit 'suspend' when the learner leaves mid-way, so that the next launch resumes (RTE 4.2.12).
 * The button on the last page ends the SCO with adl.nav.request=continue (RTE 4.4.3), which moves the
 * learner on to the next item in flow order (or ends the course after the last item).
 */
(function () {
  'use strict';
  var Scorm = window.Scorm;
  var pages = Array.prototype.slice.call(document.querySelectorAll('section.page'));
  var status = document.getElementById('lms-status');
  var prev = document.getElementById('page-prev');
  var next = document.getElementById('page-next');
  var done = document.getElementById('sco-continue');
  var position = document.getElementById('page-position');
  var checks = Array.prototype.slice.call(document.querySelectorAll('input[type=checkbox][data-save]'));

  var state = { seen: [], checked: [] };
  var current = 0;

  Scorm.start();
  if (status) {
    status.textContent = Scorm.connected
      ? 'Your progress is being saved.'
      : 'No learning system found: this page works, but nothing is saved.';
  }

  if (Scorm.connected && Scorm.get('cmi.entry') === 'resume') {
    try {
      var saved = JSON.parse(Scorm.get('cmi.suspend_data') || '{}');
      if (Array.isArray(saved.seen)) state.seen = saved.seen;
      if (Array.isArray(saved.checked)) state.checked = saved.checked;
    } catch (e) {
      /* unreadable suspend_data: start over */
    }
    var at = Number(Scorm.get('cmi.location'));
    if (at >= 0 && at < pages.length) current = at;
  }
  checks.forEach(function (box) {
    box.checked = state.checked.indexOf(box.dataset.save) >= 0;
    box.addEventListener('change', function () {
      state.checked = checks
        .filter(function (b) {
          return b.checked;
        })
        .map(function (b) {
          return b.dataset.save;
        });
      save();
    });
  });

  function completed() {
    return state.seen.length >= pages.length;
  }

  function save() {
    if (!Scorm.connected) return;
    Scorm.set('cmi.location', String(current));
    Scorm.set('cmi.progress_measure', (state.seen.length / pages.length).toFixed(2));
    Scorm.set('cmi.completion_status', completed() ? 'completed' : 'incomplete');
    Scorm.set('cmi.suspend_data', JSON.stringify(state));
    Scorm.commit();
  }

  function show(index, focus) {
    current = index;
    pages.forEach(function (page, i) {
      page.hidden = i !== index;
    });
    if (state.seen.indexOf(index) < 0) state.seen.push(index);
    prev.disabled = index === 0;
    next.hidden = index === pages.length - 1;
    if (done) done.hidden = index !== pages.length - 1;
    position.textContent = 'Page ' + (index + 1) + ' of ' + pages.length;
    if (focus) {
      var heading = pages[index].querySelector('h2');
      if (heading) heading.focus();
    }
    save();
  }

  prev.addEventListener('click', function () {
    if (current > 0) show(current - 1, true);
  });
  next.addEventListener('click', function () {
    if (current < pages.length - 1) show(current + 1, true);
  });
  if (done) {
    done.addEventListener('click', function () {
      save();
      Scorm.finish(completed() ? '' : 'suspend', 'continue');
      document.body.classList.add('finished');
    });
  }

  // Leaving without the button (a TOC choice, a reload, a closed tab): keep the attempt resumable.
  window.addEventListener('pagehide', function () {
    if (Scorm.terminated || !Scorm.connected) return;
    save();
    Scorm.finish('suspend');
  });

  show(current, false);
})();
