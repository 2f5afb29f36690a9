/**
 * A case number in a drill-down list, opening the case on the case board: the board keeps
 * the open case in its address as `#/cases?case=<id>` (renderer/areas/cases/board-url.ts).
 * The list itself also carries the case's category, state and times, so nothing depends on
 * the link.
 */
export function caseLink(id: number, caseNo: string) {
  return (
    <a href={`#/cases?case=${id}`} className="rk-case-link">
      {caseNo}
    </a>
  );
}
