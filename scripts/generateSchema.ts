import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { allSpecs } from '../provider/specs';
import { SETTINGS } from '../provider/client/config';
import type { ResourceSpec } from '../provider/engine/spec';
import { lowerCamel, renderIndex, renderLookups, renderNative, renderProvider, renderResource } from './generateSdk';

/**
 * Writes schema.json (the Pulumi package schema of every resource), docs/resources.md and the SDK's resource
 * classes (sdk/generated, sdk/providers) from the zod specs; `--check` fails when a checked-in file differs (CI
 * runs it so none can go stale).
 */
type JsonSchema = {
  type?: string;
  description?: string;
  enum?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  anyOf?: JsonSchema[];
};
type PulumiProperty = Record<string, unknown>;

const pascal = (name: string) => name[0].toUpperCase() + name.slice(1);

function toPulumiProperty(spec: ResourceSpec, name: string, schema: JsonSchema, types: Record<string, unknown>): PulumiProperty {
  const out: PulumiProperty = {};
  if (schema.description) out.description = schema.description;
  const enumOf = schema.enum ?? schema.items?.enum;
  if (enumOf) {
    const token = `zcc:index:${spec.kind}${pascal(name)}`.replace(/s$/, '');
    types[token] = { type: 'string', enum: enumOf.map((value) => ({ value })) };
    const ref = { $ref: `#/types/${token}` };
    return schema.type === 'array' ? { ...out, type: 'array', items: ref } : { ...out, ...ref };
  }
  if (schema.type === 'array') return { ...out, type: 'array', items: { type: schema.items?.type ?? 'string' } };
  if (schema.type === 'object' || schema.type === undefined) return { ...out, type: 'object', additionalProperties: { $ref: 'pulumi.json#/Any' } };
  return { ...out, type: schema.type };
}

/**
 * The lookups: users and entry points (sdk/lookups.ts: the account's, not kinds of this package), then `get<Kind>`
 * of every spec with `lookup`.
 */
function lookupFunctions(): Record<string, unknown> {
  const str = (description: string) => ({ type: 'string', description });
  const user = {
    properties: {
      userId: str('The user id.'),
      ccUserId: str('The Contact Center user id.'),
      displayName: str('Display name.'),
      email: str('Email address.'),
      roleName: str('Role name.'),
      userAccess: str('active or inactive.'),
    },
    required: ['userId', 'email'],
  };
  const functions: Record<string, unknown> = {
    'zcc:index:getUser': {
      description: 'One user (agent or supervisor), by email (case-insensitive) or by id.',
      inputs: { properties: { email: str('Email to find.'), userId: str('Id to find.') } },
      outputs: user,
    },
    'zcc:index:getUsers': {
      description: 'The users of the account (all pages), optionally matching a search key and access state.',
      inputs: {
        properties: {
          search: str('Name or email to search for (search_key).'),
          active: { type: 'boolean', description: 'Only active (true) or inactive (false) users.' },
        },
      },
      outputs: { properties: { users: { type: 'array', items: { type: 'object' }, description: 'The users.' } }, required: ['users'] },
    },
  };
  functions['zcc:index:getEntryPoint'] = {
    description: 'One entry point of the account (a phone number or address that can reach a flow), on a channel, by number, email or name.',
    inputs: {
      properties: {
        channel: str('voice, video, messaging or email.'),
        number: str('Phone number, as ZCC lists it (E.164).'),
        email: str('Email address.'),
        name: str('Name.'),
      },
      required: ['channel'],
    },
    outputs: {
      properties: {
        entryId: str('The entry point id FlowEntryPoints takes.'),
        name: str('Name.'),
        number: str('Phone number.'),
        email: str('Email address.'),
        channel: str('Channel.'),
        channelSource: str('Channel source (web_chat, sms, …).'),
      },
      required: ['entryId', 'channel'],
    },
  };
  for (const spec of allSpecs) {
    if (!spec.lookup) continue;
    const { returns, within } = spec.lookup;
    const noun = spec.kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    functions[`zcc:index:get${spec.kind}`] = {
      description: `The ${noun} with exactly this name (all pages of \`GET ${spec.endpoint.path}\`); fails when none or several match.`,
      inputs: {
        properties: { name: str('Name to find.'), ...(within ? { [within.arg]: str(within.description) } : {}) },
        required: ['name'],
      },
      outputs: {
        properties: Object.fromEntries(
          Object.entries(returns).map(([key, value]) => [key, { type: value.type === 'number' ? 'integer' : value.type, description: value.description }]),
        ),
        required: Object.entries(returns)
          .filter(([, value]) => value.required)
          .map(([key]) => key),
      },
    };
  }
  return functions;
}

export function buildSchema(): Record<string, unknown> {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
  const resources: Record<string, unknown> = {};
  const types: Record<string, unknown> = {};
  for (const spec of allSpecs) {
    const json = z.toJSONSchema(spec.inputSchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, JsonSchema>; required?: string[] };
    const inputProperties: Record<string, PulumiProperty> = {};
    for (const [name, property] of Object.entries(json.properties)) inputProperties[name] = toPulumiProperty(spec, name, property, types);
    inputProperties.adoptId = {
      type: 'string',
      description:
        'Id of an existing object to take over instead of creating one; the first up changes only what differs. Adopted objects are deleted by destroy (or by removing the declaration) unless the resource has retainOnDelete: true.',
    };
    const properties: Record<string, PulumiProperty> = { ...inputProperties };
    for (const [name, output] of Object.entries(spec.outputs ?? {}))
      properties[name] =
        output.type === 'stringMap'
          ? { type: 'object', additionalProperties: { type: 'string' }, description: output.description }
          : { type: output.type ?? 'string', description: output.description };
    resources[`zcc:index:${spec.kind}`] = {
      description: `${spec.description}\n\nAPI: \`${spec.endpoint.path}\`. As a dynamic resource (the TypeScript SDK): type \`pulumi-nodejs:dynamic/zcc:${spec.kind}\`.`,
      inputProperties,
      requiredInputs: json.required ?? [],
      properties,
      required: [...(json.required ?? []), spec.idOutput],
      ...(spec.replaceOnChanges?.length ? { 'x-replaceOnChanges': spec.replaceOnChanges } : {}),
    };
  }
  return {
    name: 'zcc',
    displayName: 'Zoom Contact Center',
    version: pkg.version,
    description:
      'Zoom Contact Center configuration as Pulumi resources, served by the provider plugin pulumi-resource-zcc (every language) and as dynamic resources (TypeScript).',
    keywords: ['pulumi', 'zoom', 'contact-center', 'category/cloud'],
    repository: 'https://github.com/zcc-pulumi/zcc-pulumi',
    meta: { moduleFormat: '(.*)' },
    // What Pulumi's code generators need for the SDKs `make sdks` writes (scripts/sdkgen): package names, the Go
    // import path, the .NET namespace. No pluginDownloadURL: the plugin ships in the npm tarball (README).
    language: {
      python: { packageName: 'pulumi_zcc', respectSchemaVersion: true, pyproject: { enabled: true } },
      go: { importBasePath: 'github.com/zcc-pulumi/zcc-pulumi/sdk/go/zcc', respectSchemaVersion: true },
      csharp: { rootNamespace: 'ZccPulumi', respectSchemaVersion: true },
      nodejs: { packageName: '@zcc-pulumi/zcc', respectSchemaVersion: true },
    },
    config: {
      // Every setting the provider reads (provider/client/config.ts SETTINGS), legacy spellings left out.
      variables: Object.fromEntries(
        SETTINGS.filter((setting) => !setting.legacy).map((setting) => [
          setting.key,
          { type: setting.type, ...(setting.secret ? { secret: true } : {}), description: `${setting.description} Environment: ${setting.env}.` },
        ]),
      ),
    },
    types,
    resources,
    functions: lookupFunctions(),
  };
}

type SchemaProperty = { description?: string; type?: string; $ref?: string; items?: { type?: string; $ref?: string } };

function typeName(property: SchemaProperty, types: Record<string, { enum: Array<{ value: string }> }>): string {
  const refName = (ref: string) => types[ref.replace('#/types/', '')].enum.map((e) => `\`${e.value}\``).join(' \\| ');
  if (property.$ref) return refName(property.$ref);
  if (property.type === 'array') return `list of ${property.items?.$ref ? refName(property.items.$ref) : property.items?.type}`;
  return property.type ?? 'any';
}

/** docs/resources.md: one section per resource, rendered from the schema so the two cannot disagree. */
export function renderDocs(schema: Record<string, any>): string {
  const lines = ['# Resource reference', '', '<!-- Generated by `make schema` from schema.json; do not edit. -->', ''];
  lines.push(
    'Every resource also accepts `adoptId` (take over an existing object) and the usual Pulumi resource options. An adopted object is',
    "Pulumi's from then on: `pulumi destroy`, or removing its declaration, deletes it in ZCC unless the resource has `retainOnDelete: true`.",
    '',
  );
  for (const spec of allSpecs) {
    const resource = schema.resources[`zcc:index:${spec.kind}`];
    lines.push(
      `## ${spec.kind}`,
      '',
      spec.description,
      '',
      `Type token \`pulumi-nodejs:dynamic/zcc:${spec.kind}\`.`,
      '',
      '```ts',
      "import * as zcc from 'zcc-pulumi';",
      '',
      spec.example,
      '```',
      '',
    );
    lines.push(`| Input | Official field (\`${spec.endpoint.path}\`) | Type | Required | Replaces | Description |`, '|---|---|---|---|---|---|');
    for (const [name, property] of Object.entries(resource.inputProperties as Record<string, SchemaProperty>)) {
      const required = (resource.requiredInputs as string[]).includes(name) ? 'yes' : '';
      const replaces = spec.replaceOnChanges?.includes(name) ? 'yes' : '';
      // Membership-like kinds keep their ownership mode in the resource: Zoom has no such field.
      const local = !spec.apiFields[name] || (spec.store !== undefined && name === 'mode');
      const field = name === 'adoptId' ? '(the object id)' : local ? '(this resource only)' : `\`${spec.apiFields[name]}\``;
      lines.push(
        `| \`${name}\` | ${field} | ${typeName(property, schema.types)} | ${required} | ${replaces} | ${(property.description ?? '').replace(/\|/g, '\\|')} |`,
      );
    }
    const outputs = Object.entries(resource.properties as Record<string, SchemaProperty>).filter(([name]) => !(name in resource.inputProperties));
    if (outputs.length > 0) {
      lines.push('', '| Output | Description |', '|---|---|');
      for (const [name, property] of outputs) lines.push(`| \`${name}\` | ${property.description ?? ''} |`);
    }
    lines.push('');
  }
  lines.push('## Lookups', '', 'Lookups run in the program at deployment time, with the same credentials as the resources.', '');
  type Fields = { properties: Record<string, SchemaProperty>; required?: string[] };
  for (const [token, fn] of Object.entries(schema.functions as Record<string, { description: string; inputs: Fields; outputs: Fields }>)) {
    const name = token.split(':').pop();
    lines.push(`### \`${name}\``, '', fn.description, '', '| Argument | Type | Required | Description |', '|---|---|---|---|');
    for (const [key, property] of Object.entries(fn.inputs.properties))
      lines.push(
        `| \`${key}\` | ${property.type ?? 'any'} | ${fn.inputs.required?.includes(key) ? 'yes' : ''} | ${(property.description ?? '').replace(/\|/g, '\\|')} |`,
      );
    lines.push('', '| Result | Type | Always | Description |', '|---|---|---|---|');
    for (const [key, property] of Object.entries(fn.outputs.properties))
      lines.push(
        `| \`${key}\` | ${property.type ?? 'any'} | ${fn.outputs.required?.includes(key) ? 'yes' : ''} | ${(property.description ?? '').replace(/\|/g, '\\|')} |`,
      );
    lines.push('');
  }
  return lines.join('\n');
}

function writeOrCheck(target: string, text: string, check: boolean): boolean {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (!check) {
    // Unchanged files keep their time, so a build made before `make schema` does not look stale.
    if (current === text) return true;
    writeFileSync(target, text);
    console.log(`wrote ${target}`);
    return true;
  }
  if (current === text) return true;
  console.error(`${path.basename(target)} is stale: run \`make schema\` and commit the result.`);
  return false;
}

function main() {
  const root = path.resolve(__dirname, '../..');
  const schema = buildSchema();
  const check = process.argv.includes('--check');
  mkdirSync(path.join(root, 'docs'), { recursive: true });
  mkdirSync(path.join(root, 'sdk/generated'), { recursive: true });
  const fresh = [
    writeOrCheck(path.join(root, 'schema.json'), `${JSON.stringify(schema, null, 2)}\n`, check),
    writeOrCheck(path.join(root, 'docs/resources.md'), renderDocs(schema), check),
    writeOrCheck(path.join(root, 'sdk/generated/index.ts'), renderIndex(allSpecs), check),
    writeOrCheck(path.join(root, 'sdk/generated/lookups.ts'), renderLookups(allSpecs), check),
    writeOrCheck(path.join(root, 'sdk/generated/native.ts'), renderNative(allSpecs), check),
  ];
  for (const spec of allSpecs) {
    fresh.push(writeOrCheck(path.join(root, `sdk/generated/${lowerCamel(spec.kind)}.ts`), renderResource(spec), check));
    fresh.push(writeOrCheck(path.join(root, `sdk/providers/${lowerCamel(spec.kind)}.ts`), renderProvider(spec), check));
  }
  if (fresh.includes(false)) process.exit(1);
  if (check) console.log('schema.json, docs/resources.md and the generated SDK are up to date');
}

if (require.main === module) main();
