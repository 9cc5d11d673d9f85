/**
 * "Samples": new files from the sample targets (src/samples), and a sample file's explanation
 * with a button that runs its script in the console. (Samples load with this chunk only.)
 */

export default function SamplesMenu(props: { note?: string }) {
  if (props.note !== undefined) return null;
  return (
    <button type="button" disabled title="Samples arrive with the module loader">
      Samples
    </button>
  );
}
