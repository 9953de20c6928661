import Link from "next/link";

type Item = { id: string; label: string; value: number; tone?: "alert" | "warn" | "plain"; href?: string };

const tones = { alert: "border-red-700 bg-red-50 text-red-900", warn: "border-amber-600 bg-amber-50 text-amber-950", plain: "border-gray-300 bg-white text-gray-900" } as const;

/** Key figures as a description list: label, number, and a link to the plans behind it. */
export function FigureList({ items, linkLabel }: { items: Item[]; linkLabel: string }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {items.map((item) => (
        <div key={item.id} data-figure={item.id} className={`print-exact flex flex-col rounded border p-4 ${tones[item.tone ?? "plain"]}`}>
          <dt className="text-sm font-medium">{item.label}</dt>
          <dd className="order-first text-3xl font-semibold" data-testid={`figure-${item.id}`}>{item.value}</dd>
          {item.href ? (
            <dd className="no-print mt-1 text-sm">
              <Link href={item.href} className="underline underline-offset-2" aria-label={`${linkLabel}: ${item.label}`}>{linkLabel}</Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
