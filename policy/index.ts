import { PolicyPack, type StackValidationPolicy } from '@pulumi/policy';
import { RULES, kindOf, type StackResource } from './rules';

/**
 * The contact-center policy pack (`pulumi preview --policy-pack node_modules/zcc-pulumi/policy-pack`): each rule of
 * rules.ts as a stack policy, configurable (`pulumi preview --policy-pack-config <file>`: its enforcement level and
 * settings) and naming the object in every message. Stack policies see every resource with what each input depends
 * on, which the rules need to tell whether a queue has hours or agents in the stack.
 */
/**
 * The value with what a preview cannot know yet left out: @pulumi/policy throws on reading an unknown value (an id
 * the same run creates), and a rule judges what is known; the references themselves are in `dependsOn`.
 */
function known(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item, index) => read(() => value[index])).map(known);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .map((key) => [key, read(() => (value as Record<string, unknown>)[key])] as const)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [key, known(item)]),
    );
  return value;
}
const read = (get: () => unknown): unknown => {
  try {
    return get();
  } catch {
    return undefined;
  }
};

const policies: StackValidationPolicy[] = RULES.map((rule) => ({
  name: rule.name,
  description: rule.description,
  enforcementLevel: rule.enforcementLevel,
  ...(rule.config
    ? {
        configSchema: {
          properties: Object.fromEntries(
            Object.entries(rule.config).map(([key, value]) => [
              key,
              { type: value.type, default: value.default, description: value.description, ...(value.items ? { items: value.items } : {}) },
            ]),
          ) as NonNullable<StackValidationPolicy['configSchema']>['properties'],
        },
      }
    : {}),
  validateStack: (args, reportViolation) => {
    const resources: StackResource[] = args.resources.map((resource) => ({
      kind: kindOf(resource.type),
      name: resource.name,
      urn: resource.urn,
      props: known(resource.props) as Record<string, unknown>,
      dependsOn: Object.fromEntries(Object.entries(resource.propertyDependencies ?? {}).map(([input, deps]) => [input, deps.map((dep) => dep.urn)])),
    }));
    const config = rule.config ? args.getConfig<Record<string, unknown>>() : {};
    for (const violation of rule.check(resources, config)) reportViolation(violation.message, violation.urn);
  },
}));

new PolicyPack('zcc-contact-center', {
  description: 'Guard rails for Zoom Contact Center configuration managed with zcc-pulumi.',
  enforcementLevel: 'advisory',
  policies,
});
