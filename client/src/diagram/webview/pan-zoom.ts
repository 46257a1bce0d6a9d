/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Pan (drag), zoom (wheel, buttons, around the pointer) and fit for the
// diagram: one CSS transform on the layer holding the SVG. The transform is
// kept when the SVG is replaced, so edits do not move the view.

export interface View {
  x: number;
  y: number;
  scale: number;
}

const MIN = 0.05;
const MAX = 4;

export class PanZoom {
  view: View = { x: 0, y: 0, scale: 1 };
  private drag: { x: number; y: number; moved: boolean } | undefined;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly layer: HTMLElement,
    private readonly onChange: (view: View) => void,
  ) {
    viewport.addEventListener("wheel", (e) => {
      e.preventDefault();
      this.zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX, e.clientY);
    }, { passive: false });
    viewport.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      this.drag = { x: e.clientX, y: e.clientY, moved: false };
    });
    viewport.addEventListener("pointermove", (e) => {
      if (!this.drag) return;
      const dx = e.clientX - this.drag.x;
      const dy = e.clientY - this.drag.y;
      if (!this.drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!this.drag.moved) viewport.setPointerCapture(e.pointerId);
      this.drag = { x: e.clientX, y: e.clientY, moved: true };
      this.set({ ...this.view, x: this.view.x + dx, y: this.view.y + dy });
    });
    const end = () => {
      // A drag is not a click: swallow the click that ends it.
      if (this.drag?.moved) viewport.addEventListener("click", (e) => e.stopPropagation(), { capture: true, once: true });
      this.drag = undefined;
    };
    viewport.addEventListener("pointerup", end);
    viewport.addEventListener("pointercancel", end);
  }

  set(view: View): void {
    this.view = { ...view, scale: Math.min(MAX, Math.max(MIN, view.scale)) };
    this.layer.style.transform = `translate(${this.view.x}px, ${this.view.y}px) scale(${this.view.scale})`;
    this.onChange(this.view);
  }

  zoomAt(factor: number, clientX?: number, clientY?: number): void {
    const box = this.viewport.getBoundingClientRect();
    const px = (clientX ?? box.left + box.width / 2) - box.left;
    const py = (clientY ?? box.top + box.height / 2) - box.top;
    const scale = Math.min(MAX, Math.max(MIN, this.view.scale * factor));
    const k = scale / this.view.scale;
    this.set({ scale, x: px - (px - this.view.x) * k, y: py - (py - this.view.y) * k });
  }

  /** The whole drawing in view, never larger than 1:1. */
  fit(width: number, height: number): void {
    const box = this.viewport.getBoundingClientRect();
    const pad = 16;
    const scale = Math.min(1, (box.width - 2 * pad) / Math.max(width, 1), (box.height - 2 * pad) / Math.max(height, 1));
    this.set({ scale, x: (box.width - width * scale) / 2, y: Math.max(pad, (box.height - height * scale) / 2) });
  }

  /** Pans so that an element's on-screen rectangle is in view, when it is not. */
  reveal(rect: DOMRect): void {
    const box = this.viewport.getBoundingClientRect();
    if (rect.left >= box.left && rect.top >= box.top && rect.right <= box.right && rect.bottom <= box.bottom) return;
    const cx = (rect.left + rect.right) / 2 - box.left;
    const cy = (rect.top + rect.bottom) / 2 - box.top;
    this.set({ ...this.view, x: this.view.x + box.width / 2 - cx, y: this.view.y + box.height / 2 - cy });
  }
}
