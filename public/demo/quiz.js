/*
 * The demo quiz: four interactions of four types, scored and reported through the SCORM 2004 API.
 *
 * Reported (RTE 4.2):
 * - cmi.interactions.n: id first (RTE 4.2.9 requires it before anything else), then type, description,
 *   correct_responses.0.pattern, learner_response, result, weighting and timestamp. Patterns and responses
 *   use the formats of RTE 4.2.9.1: choice short ids, true-false 'true'|'false', fill-in with
 *   {case_matters=false}, numeric ranges min[:]max.
 * - cmi.score.raw/min/max/scaled (RTE 4.2.21), cmi.success_status measured against cmi.scaled_passing_score
 *   (RTE 4.2.20; the manifest's primaryObjective satisfiedByMeasure/minNormalizedMeasure), completion and
 *   progress_measure. The runtime would evaluate success from the passing score by itself (RTE 4.2.22);
 *   we set it too so that the quiz also works in an LMS that does not.
 */
(function () {
  'use strict';
  var Scorm = window.Scorm;
  var form = document.getElementById('quiz');
  var result = document.getElementById('result');
  var resultText = document.getElementById('result-text');
  var status = document.getElementById('lms-status');
  var questions = Array.prototype.slice.call(form.querySelectorAll('fieldset[data-interaction]'));
  var opened = new Date();

  Scorm.start();
  status.textContent = Scorm.connected
    ? 'Your answers are being saved.'
    : 'No learning system found: the quiz works, but nothing is saved.';

  // Until the answers are in, the quiz is started but not done (RTE 4.2.4).
  if (Scorm.connected && Scorm.get('cmi.completion_status') !== 'completed') {
    Scorm.set('cmi.completion_status', 'incomplete');
  }

  var passing = Number(Scorm.get('cmi.scaled_passing_score'));
  if (!Scorm.connected || Scorm.get('cmi.scaled_passing_score') === '' || isNaN(passing)) passing = 0.75;

  function answerOf(fieldset) {
    var type = fieldset.dataset.type;
    if (type === 'choice' || type === 'true-false') {
      var picked = fieldset.querySelector('input:checked');
      return picked ? picked.value : '';
    }
    return fieldset.querySelector('input').value.trim();
  }

  function isCorrect(fieldset, answer) {
    switch (fieldset.dataset.type) {
      case 'numeric': {
        var n = Number(answer);
        return answer !== '' && !isNaN(n) && n >= Number(fieldset.dataset.min) && n <= Number(fieldset.dataset.max);
      }
      case 'fill-in':
        return answer.toLowerCase() === fieldset.dataset.pattern.toLowerCase();
      default:
        return answer === fieldset.dataset.pattern;
    }
  }

  function patternOf(fieldset) {
    switch (fieldset.dataset.type) {
      case 'numeric':
        return fieldset.dataset.min + '[:]' + fieldset.dataset.max;
      case 'fill-in':
        return '{case_matters=false}' + fieldset.dataset.pattern;
      default:
        return fieldset.dataset.pattern;
    }
  }

  /** A 2004 time(second,10,0) stamp in local time, without a zone (RTE 4.2.9: timestamp). */
  function timestamp(date) {
    function pad(n) {
      return (n < 10 ? '0' : '') + n;
    }
    return (
      date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) +
      'T' + pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds())
    );
  }

  function report(fieldset, answer, correct) {
    var n = Number(Scorm.get('cmi.interactions._count')) || 0;
    var at = 'cmi.interactions.' + n + '.';
    Scorm.set(at + 'id', fieldset.dataset.interaction);
    Scorm.set(at + 'type', fieldset.dataset.type);
    Scorm.set(at + 'description', fieldset.querySelector('legend').textContent.trim());
    Scorm.set(at + 'correct_responses.0.pattern', patternOf(fieldset));
    // A numeric response must be a real (RTE 4.2.9.2); leave an unanswered one unset.
    if (answer !== '' && !(fieldset.dataset.type === 'numeric' && isNaN(Number(answer)))) {
      Scorm.set(at + 'learner_response', answer);
    }
    Scorm.set(at + 'result', correct ? 'correct' : 'incorrect');
    Scorm.set(at + 'weighting', '1');
    Scorm.set(at + 'timestamp', timestamp(opened));
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var right = 0;
    questions.forEach(function (fieldset) {
      var answer = answerOf(fieldset);
      var correct = isCorrect(fieldset, answer);
      if (correct) right++;
      var feedback = fieldset.querySelector('.feedback');
      feedback.className = 'feedback ' + (correct ? 'correct' : 'incorrect');
      feedback.textContent = correct ? 'Correct.' : 'Not quite.';
      report(fieldset, answer, correct);
    });
    var max = questions.length;
    var scaled = right / max;
    var passed = scaled >= passing;
    Scorm.set('cmi.score.min', '0');
    Scorm.set('cmi.score.max', String(max));
    Scorm.set('cmi.score.raw', String(right));
    Scorm.set('cmi.score.scaled', scaled.toFixed(2));
    Scorm.set('cmi.success_status', passed ? 'passed' : 'failed');
    Scorm.set('cmi.progress_measure', '1');
    Scorm.set('cmi.completion_status', 'completed');
    Scorm.commit();

    resultText.textContent =
      'You answered ' + right + ' of ' + max + ' correctly (' + Math.round(scaled * 100) + '%): ' +
      (passed ? 'passed.' : 'not passed yet. Try again when you are ready.');
    result.hidden = false;
    document.getElementById('result-heading').focus();
  });

  document.getElementById('retry').addEventListener('click', function () {
    form.reset();
    questions.forEach(function (fieldset) {
      fieldset.querySelector('.feedback').textContent = '';
    });
    result.hidden = true;
    opened = new Date();
    questions[0].querySelector('input').focus();
  });

  document.getElementById('quiz-continue').addEventListener('click', function () {
    Scorm.finish('', 'continue');
    document.body.classList.add('finished');
  });

  window.addEventListener('pagehide', function () {
    if (Scorm.terminated || !Scorm.connected) return;
    Scorm.finish(result.hidden ? 'suspend' : '');
  });
})();
