/// The review screen's only script, served at `/static/review.js` (no inline script: the CSP
/// forbids it). It turns a text selection in the document into (segment, UTF-16 offset) pairs
/// for the manual-redaction form; the server maps them to UTF-8 byte offsets (``DisplayText``),
/// so the browser never does byte arithmetic. Without it the form still works by exact text.
public enum ReviewScript {
    public static let source = #"""
    (function () {
      'use strict';
      var doc = document.getElementById('doc');
      var form = document.getElementById('manual-form');
      if (!doc || !form) { return; }
      var status = document.getElementById('sel-status');
      var fields = {
        sb: document.getElementById('sel-sb'), so: document.getElementById('sel-so'),
        eb: document.getElementById('sel-eb'), eo: document.getElementById('sel-eo')
      };
      var segments = doc.querySelectorAll('[data-b]');

      // A boundary point as (segment's first byte, UTF-16 offset in its one text node).
      function point(node, offset) {
        var parent = node.parentNode;
        if (node.nodeType === 3 && parent && parent.hasAttribute && parent.hasAttribute('data-b')) {
          return { b: parent.getAttribute('data-b'), u: offset };
        }
        // An element boundary: the first segment whose text starts at or after the point.
        var probe = document.createRange();
        probe.setStart(node, offset);
        for (var i = 0; i < segments.length; i++) {
          var t = segments[i].firstChild;
          if (t && probe.comparePoint(t, 0) >= 0) { return { b: segments[i].getAttribute('data-b'), u: 0 }; }
        }
        var last = segments[segments.length - 1];
        return { b: last.getAttribute('data-b'), u: last.textContent.length };
      }

      function update() {
        var sel = window.getSelection();
        if (!sel || sel.rangeCount === 0 || sel.isCollapsed || segments.length === 0) { return; }
        var range = sel.getRangeAt(0);
        if (!doc.contains(range.startContainer) || !doc.contains(range.endContainer)) { return; }
        var s = point(range.startContainer, range.startOffset);
        var e = point(range.endContainer, range.endOffset);
        fields.sb.value = s.b; fields.so.value = s.u;
        fields.eb.value = e.b; fields.eo.value = e.u;
        var n = Array.from(range.toString()).length;
        status.textContent = 'Selected ' + n + ' character' + (n === 1 ? '' : 's') +
          ': choose its category and press \u201cRedact selection\u201d.';
      }

      document.addEventListener('selectionchange', update);
      doc.addEventListener('mouseup', update);
      doc.addEventListener('keyup', update);
    })();
    """#
}
