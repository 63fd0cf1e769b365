/** Placeholder while the screen is being built (issue 6); replaced by the screen itself. */
export default function PlanPage() {
  return <div>PlanPage</div>;
}
