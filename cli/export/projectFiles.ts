/**
 * The files around a Pulumi TypeScript program that `zcc-pulumi export` writes, and that the README's quick start
 * and examples/contact-center use too (a unit test holds the three to the same tsconfig): one configuration that
 * type-checks (a wrong `channel` fails at compile time) with the TypeScript releases Pulumi runs, 5.x and 6.x.
 */
export const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    skipLibCheck: true,
    types: ['node'],
  },
  files: ['index.ts'],
};

/** TypeScript for the program's devDependencies: Pulumi's runtime compiles with 5.x or 6.x (7.x has no compiler API). */
export const TYPESCRIPT_RANGE = '~6.0.3';
export const TYPES_NODE_RANGE = '^20.19.0';

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function pulumiYaml(project: string): string {
  return `name: ${project}\ndescription: Zoom Contact Center configuration exported by zcc-pulumi export.\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`;
}

/** Pulumi.yaml of an exported Python program. */
export function pythonPulumiYaml(project: string): string {
  return `name: ${project}\ndescription: Zoom Contact Center configuration exported by zcc-pulumi export --language python.\nruntime:\n  name: python\n`;
}

/** requirements.txt of an exported Python program: Pulumi and the generated SDK (pip install ./sdk/python of a checkout). */
export const PYTHON_REQUIREMENTS = `pulumi>=3.165.0,<4.0.0\n# The SDK zcc-pulumi generates (sdk/python in its repository): pip install <checkout>/sdk/python\npulumi_zcc\n`;
