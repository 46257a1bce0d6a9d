// The diagram page's markup (toolbar, status line, the layer the SVG goes
// in), shared by the webview and the bench that renders it in Chromium.

export const DIAGRAM_BODY = `<div id="toolbar" role="toolbar" aria-label="Diagram">
  <button id="zoom-out" title="Zoom out" aria-label="Zoom out">−</button>
  <button id="zoom-in" title="Zoom in" aria-label="Zoom in">+</button>
  <button id="fit" title="Fit the whole flow in view">Fit</button>
  <button id="export" title="Save the diagram as an SVG file">Export SVG</button>
</div>
<div id="status" role="status" hidden></div>
<div id="viewport"><div id="layer"></div></div>`;
