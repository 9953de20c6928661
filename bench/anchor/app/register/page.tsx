import { cookies } from "next/headers";
import { pool } from "../../lib/pool";

type Row = { id: number; title: string; type: string; status: string; adopted_on: Date | null; revision_due_on: Date | null; responsible_unit: string | null };
const date = (d: Date | null) => (d ? d.toLocaleDateString("nb-NO", { timeZone: "UTC" }) : "–");

// The register's default view: 25 plans not archived ordered by title, and the counts per status.
export default async function RegisterPage() {
  await cookies();
  // The measured municipality's plans only, as row-level security gives the project (several may share the database).
  const tenant = Number(process.env.ANCHOR_TENANT_ID ?? 1);
  const [plans, counts] = await Promise.all([
    pool.query<Row>(
      "SELECT id, title, type, status, adopted_on, revision_due_on, responsible_unit FROM plans WHERE tenant_id = $1 AND archived_at IS NULL ORDER BY title, id LIMIT 25",
      [tenant],
    ),
    pool.query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM plans WHERE tenant_id = $1 AND archived_at IS NULL GROUP BY status", [tenant]),
  ]);
  return (
    <main>
      <h1>Planer</h1>
      <ul>
        {counts.rows.map((c) => (
          <li key={c.status}>
            {c.status}: {c.n}
          </li>
        ))}
      </ul>
      <table>
        <thead>
          <tr>
            <th scope="col">Tittel</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Vedtatt</th>
            <th scope="col">Revideres innen</th>
            <th scope="col">Ansvarlig enhet</th>
          </tr>
        </thead>
        <tbody>
          {plans.rows.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <a href={`/plans/${p.id}`}>{p.title}</a>
              </th>
              <td>{p.type}</td>
              <td>{p.status}</td>
              <td>{date(p.adopted_on)}</td>
              <td>{date(p.revision_due_on)}</td>
              <td>{p.responsible_unit ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
