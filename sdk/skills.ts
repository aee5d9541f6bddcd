import * as pulumi from '@pulumi/pulumi';
import type { AdoptableArgs } from './adoptable';
import { checkedArgs } from './programChecks';
import skillCategoryProvider = require('./providers/skillCategory');
import skillProvider = require('./providers/skill');

/** Inputs of a {@link SkillCategory}. */
export interface SkillCategoryArgs extends AdoptableArgs {
  /** Category name, unique in the account (1-64 characters). */
  name: pulumi.Input<string>;
  /** Description (up to 256 characters). Defaults to empty. */
  description?: pulumi.Input<string>;
  /** `text` for plain skills or `proficiency` for rated ones. Changing it replaces the category. */
  skillType: pulumi.Input<'text' | 'proficiency'>;
  /** Highest proficiency level (1-5): required for, and only allowed with, `proficiency`. */
  maxProficiencyLevel?: pulumi.Input<number>;
}

/** A skill category: groups skills, either plain (text) or rated with a proficiency level. */
export class SkillCategory extends pulumi.dynamic.Resource {
  /** Category name. */
  declare public readonly name: pulumi.Output<string>;
  /** Description. */
  declare public readonly description: pulumi.Output<string | undefined>;
  /** `text` or `proficiency`. */
  declare public readonly skillType: pulumi.Output<'text' | 'proficiency'>;
  /** Highest proficiency level, for `proficiency` categories. */
  declare public readonly maxProficiencyLevel: pulumi.Output<number | undefined>;
  /** The skill category id ZCC assigned. */
  declare public readonly skillCategoryId: pulumi.Output<string>;

  constructor(name: string, args: SkillCategoryArgs, opts?: pulumi.CustomResourceOptions) {
    super(skillCategoryProvider, name, { skillCategoryId: undefined, ...checkedArgs('SkillCategory', name, args) }, opts, 'zcc', 'SkillCategory');
  }
}

/** Inputs of a {@link Skill}. */
export interface SkillArgs extends AdoptableArgs {
  /** Skill name, unique within its category (1-64 characters). Renaming updates in place. */
  name: pulumi.Input<string>;
  /** Description (up to 256 characters). Defaults to empty. */
  description?: pulumi.Input<string>;
  /** Id of the skill category, e.g. `category.skillCategoryId`. Changing it replaces the skill. */
  skillCategoryId: pulumi.Input<string>;
}

/** A skill agents can hold, within a skill category; skills-based queues route on them. */
export class Skill extends pulumi.dynamic.Resource {
  /** Skill name. */
  declare public readonly name: pulumi.Output<string>;
  /** Description. */
  declare public readonly description: pulumi.Output<string | undefined>;
  /** The category the skill belongs to. */
  declare public readonly skillCategoryId: pulumi.Output<string>;
  /** The skill id ZCC assigned. */
  declare public readonly skillId: pulumi.Output<string>;

  constructor(name: string, args: SkillArgs, opts?: pulumi.CustomResourceOptions) {
    super(skillProvider, name, { skillId: undefined, ...checkedArgs('Skill', name, args) }, opts, 'zcc', 'Skill');
  }
}
