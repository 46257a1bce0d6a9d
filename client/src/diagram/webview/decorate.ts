/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Marks the drawn nodes with what the editor knows: errors and warnings (a
// class and a badge), a call's last test call (a badge), a tooltip saying
// both. The SVG comes from Graphviz; each step's <g> has the step's id.

import type { DiagramNode } from "../messages";

const SVG_NS = "http://www.w3.org/2000/svg";

export function nodeElement(svg: SVGSVGElement, id: string): SVGGElement | null {
  // Ids are [A-Za-z0-9_-]: safe in a selector.
  return svg.querySelector<SVGGElement>(`g.node[id="${id}"]`);
}

export function decorate(svg: SVGSVGElement, nodes: readonly DiagramNode[]): void {
  // Every box is measured before anything is added: a read after a change would lay the page out again, once per node.
  const found = nodes.flatMap((node) => {
    const g = nodeElement(svg, node.id);
    return g ? [{ node, g, box: node.problems || node.testCall ? g.getBBox() : undefined }] : [];
  });
  for (const { node, g, box } of found) {
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "button");
    const tips = [`${node.kind}${node.name ? ` ${node.name}` : ""} — line ${node.range.start.line + 1}`];
    if (!box) {
      setTooltip(g, tips);
      continue;
    }
    let badgeX = box.x + box.width - 2;
    const badge = (cls: string, text: string) => {
      const mark = document.createElementNS(SVG_NS, "g");
      mark.setAttribute("class", `badge ${cls}`);
      const circle = document.createElementNS(SVG_NS, "circle");
      circle.setAttribute("cx", String(badgeX));
      circle.setAttribute("cy", String(box.y + 2));
      circle.setAttribute("r", "7");
      const label = document.createElementNS(SVG_NS, "text");
      label.setAttribute("x", String(badgeX));
      label.setAttribute("y", String(box.y + 5.5));
      label.setAttribute("text-anchor", "middle");
      label.textContent = text;
      mark.append(circle, label);
      g.append(mark);
      badgeX -= 17;
    };
    if (node.problems?.errors) {
      g.classList.add("has-error");
      badge("error", String(node.problems.errors));
      tips.push(`${node.problems.errors} error${node.problems.errors === 1 ? "" : "s"}: ${node.problems.first}`);
    } else if (node.problems?.warnings) {
      g.classList.add("has-warning");
      badge("warning", String(node.problems.warnings));
      tips.push(`${node.problems.warnings} warning${node.problems.warnings === 1 ? "" : "s"}: ${node.problems.first}`);
    }
    if (node.testCall) {
      g.classList.add(node.testCall.ok ? "test-ok" : "test-failed");
      badge(node.testCall.ok ? "test-ok" : "test-failed", node.testCall.ok ? "✓" : "✗");
      tips.push(`Last test call: ${node.testCall.title}`);
    }
    setTooltip(g, tips);
  }
}

function setTooltip(g: SVGGElement, lines: string[]): void {
  // Graphviz's <title> (the node id) becomes the tooltip.
  const title = g.querySelector("title") ?? g.insertBefore(document.createElementNS(SVG_NS, "title"), g.firstChild);
  title.textContent = lines.join("\n");
}
