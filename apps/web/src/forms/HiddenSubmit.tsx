/**
 * A submit button the eye does not see, so that Enter in a text field submits a form whose visible buttons sit
 * outside it (in a drawer's or modal's footer).
 */
export function HiddenSubmit() {
  return (
    <button
      type="submit"
      tabIndex={-1}
      aria-hidden="true"
      style={{
        position: 'absolute',
        width: 1,
        height: 1,
        padding: 0,
        margin: -1,
        overflow: 'hidden',
        border: 0,
        clipPath: 'inset(50%)',
      }}
    />
  );
}
