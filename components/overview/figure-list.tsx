import Link from "next/link";

type Item = { id: string; label: string; value: number; tone?: "alert" | "warn" | "plain"; href?: string };

// Designsystemet colours by data-color: the card takes the scale's tinted surface, border and text.
const tones = { alert: "danger", warn: "warning", plain: "neutral" } as const;

/** Key figures as a description list: label, number, and a link to the plans behind it. */
export function FigureList({ items, linkLabel }: { items: Item[]; linkLabel: string }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {items.map((item) => (
        <div key={item.id} data-figure={item.id} data-color={tones[item.tone ?? "plain"]} className={`print-exact flex flex-col rounded-[var(--ds-border-radius-lg)] border border-[var(--ds-color-border-subtle)] p-4 text-[var(--ds-color-text-default)] ${item.tone && item.tone !== "plain" ? "bg-[var(--ds-color-surface-tinted)]" : "bg-[var(--ds-color-neutral-background-default)]"}`}>
          <dt className="text-sm font-medium">{item.label}</dt>
          <dd className="order-first text-3xl font-semibold" data-testid={`figure-${item.id}`}>{item.value}</dd>
          {item.href ? (
            <dd className="no-print mt-1 text-sm">
              <Link href={item.href} className="ds-link" data-color="neutral" aria-label={`${linkLabel}: ${item.label}`}>{linkLabel}</Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
