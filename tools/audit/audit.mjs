// Runs every graphql-http server audit against a GraphQL endpoint and exits
// non-zero if any MUST or SHOULD audit fails (MAY audits are reported only).
//
//   node tools/audit/audit.mjs http://127.0.0.1:8080/graphql
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}

let failed = 0;
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  const required = !audit.name.startsWith('MAY');
  if (result.status === 'ok') {
    console.log(`ok    ${audit.id} ${audit.name}`);
    continue;
  }
  if (required) failed++;
  console.log(`${required ? 'FAIL' : 'warn'}  ${audit.id} ${audit.name}: ${result.reason}`);
}
console.log(failed ? `${failed} MUST/SHOULD audits failed` : 'all MUST and SHOULD audits pass');
process.exit(failed ? 1 : 0);
