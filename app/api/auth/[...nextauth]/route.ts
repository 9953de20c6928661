// next-auth's endpoints, used only for single sign-on. Public by nature (they are how one signs
// in); without OIDC_* configuration they answer 404.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions, oidcConfigured } from "@/lib/auth/next-auth";
import { requestClientAddress } from "@/lib/auth/client-address";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context) {
  if (!oidcConfigured()) return new Response(null, { status: 404 });
  return NextAuth(request, { params: await context.params }, authOptions(requestClientAddress(request.headers)));
}

export { handler as GET, handler as POST };
