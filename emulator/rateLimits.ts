export type RateCategory = 'light' | 'medium' | 'heavy';
export type Plan = 'pro' | 'business' | 'unlimited';

export interface RateLimitSettings {
  plan: Plan;
  /** Overrides every category's per-second budget when set. */
  perSecond?: number;
  /** Requests per day across the categories listed in `dailyCategories`. */
  dailyLimit: number;
  dailyCategories: RateCategory[];
  /** Real servers sometimes omit the rate-limit headers on 429. */
  omitHeaders: boolean;
}

const PLAN_BUDGETS: Record<Exclude<Plan, 'unlimited'>, Record<RateCategory, number> & { daily: number }> = {
  pro: { light: 20, medium: 10, heavy: 5, daily: 15_000 },
  business: { light: 40, medium: 20, heavy: 10, daily: 30_000 },
};

const LABEL: Record<RateCategory, string> = { light: 'Light', medium: 'Medium', heavy: 'Heavy' };

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  message?: string;
}

/** Zoom's per-account limits: a per-second window per category plus a daily counter. */
export class RateLimits {
  private windows = new Map<RateCategory, { second: number; used: number }>();
  private daily = { day: '', used: 0 };

  constructor(public settings: RateLimitSettings) {}

  static defaults(plan: Plan = 'pro', perSecond?: number): RateLimitSettings {
    const daily = plan === 'unlimited' ? Number.POSITIVE_INFINITY : PLAN_BUDGETS[plan].daily;
    return { plan, perSecond, dailyLimit: daily, dailyCategories: ['heavy'], omitHeaders: false };
  }

  budget(category: RateCategory): number {
    if (this.settings.perSecond !== undefined && this.settings.perSecond > 0) return this.settings.perSecond;
    if (this.settings.plan === 'unlimited') return Number.POSITIVE_INFINITY;
    return PLAN_BUDGETS[this.settings.plan][category];
  }

  reset(): void {
    this.windows.clear();
    this.daily = { day: '', used: 0 };
  }

  take(category: RateCategory, at = Date.now()): RateDecision {
    const day = new Date(at).toISOString().slice(0, 10);
    if (this.daily.day !== day) this.daily = { day, used: 0 };
    if (this.settings.dailyCategories.includes(category)) {
      if (this.daily.used >= this.settings.dailyLimit) {
        const resetAt = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
        return {
          allowed: false,
          message: 'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.',
          headers: this.headers(category, 'Daily-limit', this.settings.dailyLimit, 0, resetAt),
        };
      }
    }
    const budget = this.budget(category);
    const second = Math.floor(at / 1000);
    let window = this.windows.get(category);
    if (!window || window.second !== second) {
      window = { second, used: 0 };
      this.windows.set(category, window);
    }
    if (window.used >= budget) {
      return {
        allowed: false,
        message: 'You have reached the maximum per-second rate limit for this API. Try again later.',
        headers: this.headers(category, 'QPS', budget, 0, '1'),
      };
    }
    window.used += 1;
    if (this.settings.dailyCategories.includes(category)) this.daily.used += 1;
    return { allowed: true, headers: {} };
  }

  private headers(category: RateCategory, type: string, limit: number, remaining: number, retryAfter: string): Record<string, string> {
    if (this.settings.omitHeaders) return {};
    return {
      'x-ratelimit-category': LABEL[category],
      'x-ratelimit-type': type,
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(remaining),
      'retry-after': retryAfter,
    };
  }
}
