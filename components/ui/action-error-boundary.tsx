"use client";
// Catches what a server action throws on the client — the HTTP edge's plain-text refusals (429,
// 413, 403) or a lost connection — and hands the message to the form, which renders itself
// again with the user's input (kept in the form's parent) instead of the error page.
import { Component, type ReactNode } from "react";

type Props = { onError: (message: string) => void; children: ReactNode };

export class ActionErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error) {
    this.props.onError(error.message);
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** The edge's message if `message` is one of them (numbers filled in), else null. */
export function edgeMessage(message: string, templates: string[]): string | null {
  const known = templates.some((template) => {
    const pattern = template.split(/\{[a-z]+\}/i).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\d+");
    return new RegExp(`^${pattern}$`).test(message);
  });
  return known ? message : null;
}
