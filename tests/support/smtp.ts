// A real SMTP peer for tests (smtp-server, in the test process): it keeps each message it
// accepted — parsed with mailparser, as a mail client would — and can be told to refuse or to
// hang. A message counts only once the server has answered 250 to it, as in SMTP itself.
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export type Received = { to: string[]; mail: ParsedMail; raw: string };

export type TestSmtp = {
  url: string;
  received: Received[];
  /** Refuse the next n messages with a temporary error (451). */
  refuseNext: (n: number) => void;
  /** Hold the next message without answering until `release()`; `held` resolves when one arrives. */
  holdNext: () => { held: Promise<void>; release: () => void };
  /** Messages to an address. */
  to: (address: string) => Received[];
  close: () => Promise<void>;
};

export async function startTestSmtp(port: number): Promise<TestSmtp> {
  const received: Received[] = [];
  let refuse = 0;
  let hold: { arrived: () => void; wait: Promise<void> } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        void (async () => {
          if (refuse > 0) {
            refuse--;
            const error = Object.assign(new Error("Try again later (test)"), { responseCode: 451 });
            return callback(error);
          }
          if (hold) {
            const h = hold;
            hold = null;
            h.arrived();
            await h.wait;
            return callback(new Error("released without delivery"));
          }
          const raw = Buffer.concat(chunks).toString("utf8");
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail: await simpleParser(raw), raw });
          callback();
        })();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (n) => void (refuse = n),
    holdNext: () => {
      let arrived!: () => void;
      let release!: () => void;
      const held = new Promise<void>((r) => (arrived = r));
      const wait = new Promise<void>((r) => (release = r));
      hold = { arrived, wait };
      return { held, release };
    },
    to: (address) => received.filter((r) => r.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
