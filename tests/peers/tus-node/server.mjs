// A third-party tus 1.0 server for mcdesk's tests: @tus/server with @tus/file-store.
// Usage: node server.mjs PORT DIR  (listens on 127.0.0.1 only; prints "listening PORT").
import { Server } from "@tus/server";
import { FileStore } from "@tus/file-store";

const port = Number(process.argv[2] ?? "0");
const directory = process.argv[3] ?? "./files";

const server = new Server({
  path: "/files",
  datastore: new FileStore({ directory }),
});

const listener = server.listen({ host: "127.0.0.1", port }, () => {
  const address = listener.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : port}`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => process.exit(0));
}
