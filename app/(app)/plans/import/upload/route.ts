// The import's upload (a plain multipart form, so it works without JavaScript): the file is read
// within the limits, checked, stored, and the browser sent on to the mapping step; a file that
// cannot be used sends it back to the form with the reason. Checks the session and plan.write.
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { ImportFileError, readSpreadsheet } from "@/lib/import/read-file";
import { createUpload } from "@/lib/import/store";
import { fileErrorPath } from "@/lib/import/file-errors";
import { readUpload } from "@/lib/import/upload";
import { isDatabaseUnavailable } from "@/lib/db-errors";

export const dynamic = "force-dynamic";

const seeOther = (request: Request, path: string) => new Response(null, { status: 303, headers: { Location: new URL(path, request.url).pathname + new URL(path, request.url).search } });

export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user.role, "plan.write")) return new Response("Forbidden.", { status: 403 });
  try {
    const { fileName, bytes } = await readUpload(request);
    await readSpreadsheet(fileName, bytes);
    return seeOther(request, `/plans/import/${await createUpload(user.id, fileName, bytes)}`);
  } catch (error) {
    // A database that does not answer is a message on the form too, not a 500.
    if (isDatabaseUnavailable(error)) return seeOther(request, "/plans/import?error=unavailable");
    if (!(error instanceof ImportFileError)) throw error;
    return seeOther(request, fileErrorPath(error));
  }
}

/** The form lives at /plans/import; a GET here (a bookmark, a reload) goes there. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user.role, "plan.write")) return new Response("Forbidden.", { status: 403 });
  return seeOther(request, "/plans/import");
}
