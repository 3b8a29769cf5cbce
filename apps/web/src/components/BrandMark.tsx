/** The 同心 mark: two linked rings, hearts joined in one purpose. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" style={{ flex: 'none' }}>
      <rect width="64" height="64" rx="14" fill="#c8102e" />
      <circle cx="25" cy="32" r="13" fill="none" stroke="#fff" strokeWidth="5" />
      <circle cx="39" cy="32" r="13" fill="none" stroke="#fff" strokeWidth="5" />
    </svg>
  );
}
