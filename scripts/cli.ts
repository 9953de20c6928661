// Runs a command-line entry point: known problems end with their one-sentence message and exit
// code 1, unknown ones with the stack. Exits explicitly: the schema engine leaves timers behind.
import { EmbeddedDatabaseError } from "./db/embedded";
import { MigrationError } from "./db/migrations";
import { UserFacingError } from "./db/target";

export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof UserFacingError || error instanceof MigrationError || error instanceof EmbeddedDatabaseError) {
        console.error(`\n✖ ${error.message}`);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}
