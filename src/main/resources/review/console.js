// Akepa review console: the document viewer. Plain script from the console's own origin (CSP script-src 'self'),
// no inline handlers, no external code. Each pane's image is fitted to its frame, or zoomed, or shown 1:1; any of
// those can be rotated in steps of 90°. The state is kept on the image (data-mode, data-scale, data-rotate).
(function () {
  'use strict';
  var STEP = 1.25, MIN = 0.1, MAX = 8;

  function apply(img) {
    var mode = img.dataset.mode, scale = parseFloat(img.dataset.scale), rotate = parseInt(img.dataset.rotate, 10);
    var stage = img.parentElement;
    var quarter = rotate % 180 !== 0;
    img.style.maxWidth = 'none';
    img.style.maxHeight = 'none';
    var w = img.naturalWidth || img.width, h = img.naturalHeight || img.height;
    if (mode === 'fit') {
      var boxW = stage.clientWidth, boxH = stage.clientHeight;
      var fw = quarter ? h : w, fh = quarter ? w : h;
      scale = Math.min(boxW / fw, boxH / fh, 1);
      img.dataset.scale = String(Math.round(scale * 1000) / 1000);
    } else if (mode === 'full') {
      scale = 1;
      img.dataset.scale = '1';
    }
    img.style.width = Math.round(w * scale) + 'px';
    img.style.height = Math.round(h * scale) + 'px';
    img.style.transform = 'rotate(' + rotate + 'deg)';
    // A quarter turn swaps the sides: keep the rotated picture inside the scrollable stage.
    var dw = Math.round(w * scale), dh = Math.round(h * scale);
    var shift = quarter ? (dh - dw) / 2 : 0;
    img.style.margin = quarter ? (-shift) + 'px ' + shift + 'px' : '0';
  }

  function act(img, what) {
    var scale = parseFloat(img.dataset.scale);
    if (what === 'in') { img.dataset.mode = 'zoom'; img.dataset.scale = String(Math.min(MAX, scale * STEP)); }
    if (what === 'out') { img.dataset.mode = 'zoom'; img.dataset.scale = String(Math.max(MIN, scale / STEP)); }
    if (what === 'rotate') img.dataset.rotate = String((parseInt(img.dataset.rotate, 10) + 90) % 360);
    if (what === 'fit') img.dataset.mode = 'fit';
    if (what === 'full') img.dataset.mode = 'full';
    apply(img);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('figure.pane').forEach(function (pane) {
      var img = pane.querySelector('img.document');
      if (img.complete) apply(img); else img.addEventListener('load', function () { apply(img); });
      pane.querySelectorAll('button[data-act]').forEach(function (b) {
        b.addEventListener('click', function () { act(img, b.dataset.act); });
      });
    });
  });
})();
