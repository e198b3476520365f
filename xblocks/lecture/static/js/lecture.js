/* The lecture's learner view: a video player loaded on request, and completion. */
window.SeminarLectureBlock = function (runtime, element, args) {
  'use strict';
  var strings = (args && args.strings) || {};
  var completed = Boolean(args && args.completed);
  var status = element.querySelector('[data-status]');
  var errorBox = element.querySelector('[data-error]');
  var completeButton = element.querySelector('[data-action="complete"]');
  var endMarker = element.querySelector('[data-end-marker]');
  var observer = null;
  var pending = false;
  if (window.SeminarXBlocks.languageSwitcher) { window.SeminarXBlocks.languageSwitcher(runtime, element); }

  function post(handler, data) {
    return window.SeminarXBlocks.post(runtime, element, handler, data, strings.saveFailed);
  }

  /* The control stays where the learner's keyboard is heading, as a state: "Completed".
     The status region says it once; focus is never taken from where it is. */
  function showCompleted() {
    completed = true;
    status.textContent = strings.completed;
    errorBox.textContent = '';
    completeButton.textContent = strings.completedState;
    completeButton.setAttribute('aria-disabled', 'true');
    if (observer) {
      observer.disconnect();
      observer = null;
    }
  }

  function markComplete() {
    if (completed || pending) {
      return;
    }
    pending = true;
    /* aria-disabled, not disabled: a disabled button would drop the keyboard focus. */
    completeButton.setAttribute('aria-disabled', 'true');
    post('complete', {}).then(showCompleted).catch(function () {
      errorBox.textContent = strings.saveFailed;
      completeButton.removeAttribute('aria-disabled');
    }).then(function () {
      pending = false;
    });
  }

  function watchEndOfText() {
    if (!endMarker || !('IntersectionObserver' in window)) {
      return;
    }
    observer = new window.IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        markComplete();
      }
    });
    observer.observe(endMarker);
  }

  function playerFor(container) {
    var source = container.getAttribute('data-src') || '';
    var title = strings.playerTitle.replace('{title}', container.getAttribute('data-title'));
    var player;
    if (source.indexOf('https://') !== 0) {
      return null;
    }
    if (container.getAttribute('data-kind') === 'youtube') {
      player = document.createElement('iframe');
      player.src = source + '?autoplay=1&rel=0';
      player.title = title;
      player.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
      player.allowFullscreen = true;
      player.referrerPolicy = 'strict-origin-when-cross-origin';
    } else {
      player = document.createElement('video');
      player.src = source;
      player.controls = true;
      player.autoplay = true;
      player.preload = 'metadata';
      player.setAttribute('playsinline', '');
      player.setAttribute('aria-label', title);
    }
    player.className = 'seminar-lecture__media';
    return player;
  }

  function setUpVideo() {
    var container = element.querySelector('[data-player]');
    var playButton = container && container.querySelector('[data-action="play"]');
    if (!playButton) {
      return;
    }
    playButton.hidden = false;
    playButton.addEventListener('click', function () {
      var player = playerFor(container);
      if (!player) {
        return;
      }
      container.insertBefore(player, playButton);
      playButton.remove();
      player.focus();
    });
  }

  setUpVideo();
  if (args && args.trackCompletion) {
    completeButton.hidden = false;
    completeButton.addEventListener('click', markComplete);
    if (!completed) {
      watchEndOfText();
    }
  }
};
