import { cookies } from "next/headers";

export default async function BarePage() {
  const jar = await cookies();
  return <h1>Planer ({jar.size})</h1>;
}
