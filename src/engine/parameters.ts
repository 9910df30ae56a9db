// Every threshold, target and rate of docs/spec.md is a parameter with its default; one table describes them,
// and the report and the pane read it to show which settings produced the figures.
import { EquilibreError } from "./errors.ts";

export interface Parameters {
  /** A nature is significant from this share of the mix (docs/spec.md §3). */
  significanceThreshold: number;
  /** A share this close to the threshold is a "close call". */
  closeCallMargin: number;
  /** A nature above this share dominates. */
  dominanceThreshold: number;
  /** Above this share of activity income the profile is "utilité sociale (opérateur)". */
  socialUtilityThreshold: number;
  /** Count valued in-kind resources (87) in the mix. */
  inKindInMix: boolean;
  /** Reading of 870/875 when the label says nothing. */
  inKindNumbering: "crc99" | "anc2018";
  tiersOnTopTarget: number;
  fourThirdsTarget: number;
  poolingTarget: number;
  premiumTarget: number;
  /** A ratio within this fraction of its target is "proche". */
  closeFraction: number;
  /** Volunteer hours for the year, used when no volunteering is valued in 86/87. */
  volunteerHours: number;
  /** Euros per hour (SMIC horaire brut 2026). */
  volunteerHourlyRate: number;
  /** Employer-charge coefficient applied to the hourly rate. */
  employerChargeCoefficient: number;
}

type Kind = "share" | "number" | "euros" | "hours" | "boolean" | "numbering";

interface ParameterInfo<K extends keyof Parameters> {
  key: K;
  default: Parameters[K];
  kind: Kind;
  min?: number;
  max?: number;
  label: { fr: string; en: string };
}

type ParameterTable = { [K in keyof Parameters]: ParameterInfo<K> };

export const PARAMETER_TABLE: ParameterTable = {
  significanceThreshold: { key: "significanceThreshold", default: 0.2, kind: "share", min: 0.01, max: 0.5, label: { fr: "Seuil de significativité d'une nature", en: "Significance threshold of a nature" } },
  closeCallMargin: { key: "closeCallMargin", default: 0.05, kind: "share", min: 0, max: 0.2, label: { fr: "Marge « à surveiller » autour du seuil", en: "Close-call margin around the threshold" } },
  dominanceThreshold: { key: "dominanceThreshold", default: 0.5, kind: "share", min: 0.34, max: 1, label: { fr: "Seuil de nature dominante", en: "Dominant-nature threshold" } },
  socialUtilityThreshold: { key: "socialUtilityThreshold", default: 0.5, kind: "share", min: 0, max: 1, label: { fr: "Part d'activité au-delà de laquelle le profil est « utilité sociale »", en: "Activity share above which the profile is social utility" } },
  inKindInMix: { key: "inKindInMix", default: false, kind: "boolean", label: { fr: "Contributions en nature comptées dans le mix", en: "In-kind contributions counted in the mix" } },
  inKindNumbering: { key: "inKindNumbering", default: "crc99", kind: "numbering", label: { fr: "Numérotation des comptes 87 (870 = bénévolat : Cerfa / CRC 99-01)", en: "Numbering of 87 accounts (870 = volunteering: Cerfa / CRC 99-01)" } },
  tiersOnTopTarget: { key: "tiersOnTopTarget", default: 0.33, kind: "share", min: 0, max: 1, label: { fr: "Cible d'ingénierie (tiers on top)", en: "Engineering target (third on top)" } },
  fourThirdsTarget: { key: "fourThirdsTarget", default: 1 / 3, kind: "share", min: 0, max: 2, label: { fr: "Cible de bénévolat valorisé (4 tiers)", en: "Valued volunteering target (four thirds)" } },
  poolingTarget: { key: "poolingTarget", default: 0.1, kind: "share", min: 0, max: 1, label: { fr: "Cible de mutualisation (10 %)", en: "Pooling target (10%)" } },
  premiumTarget: { key: "premiumTarget", default: 0.01, kind: "share", min: 0, max: 1, label: { fr: "Cible de prime collective (1 %)", en: "Collective premium target (1%)" } },
  closeFraction: { key: "closeFraction", default: 0.2, kind: "share", min: 0, max: 1, label: { fr: "Écart relatif à la cible jugé « proche »", en: "Relative gap to target still “close”" } },
  volunteerHours: { key: "volunteerHours", default: 0, kind: "hours", min: 0, max: 10_000_000, label: { fr: "Heures de bénévolat dans l'année", en: "Volunteer hours in the year" } },
  volunteerHourlyRate: { key: "volunteerHourlyRate", default: 12.02, kind: "euros", min: 0, max: 1000, label: { fr: "Taux horaire du bénévolat (SMIC horaire brut 2026)", en: "Volunteer hourly rate (2026 gross hourly minimum wage)" } },
  employerChargeCoefficient: { key: "employerChargeCoefficient", default: 1, kind: "number", min: 1, max: 3, label: { fr: "Coefficient de charges patronales", en: "Employer-charge coefficient" } },
};

export const PARAMETER_KEYS = Object.keys(PARAMETER_TABLE) as (keyof Parameters)[];

export function defaultParameters(): Parameters {
  const out = {} as Record<string, unknown>;
  for (const key of PARAMETER_KEYS) out[key] = PARAMETER_TABLE[key].default;
  return out as unknown as Parameters;
}

/** Merges user values over the defaults, refusing unknown keys and values out of range with a French sentence. */
export function resolveParameters(input: Record<string, unknown> = {}): Parameters {
  const params = defaultParameters() as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    const info = (PARAMETER_TABLE as Record<string, ParameterInfo<keyof Parameters>>)[key];
    if (!info) {
      throw new EquilibreError("invalid_parameter", {
        name: key,
        value: String(value),
        expected: `ce paramètre n'existe pas (paramètres connus : ${PARAMETER_KEYS.join(", ")})`,
        expectedEn: `no such parameter (known: ${PARAMETER_KEYS.join(", ")})`,
      });
    }
    params[key] = checkValue(info, value);
  }
  return params as unknown as Parameters;
}

function checkValue(info: ParameterInfo<keyof Parameters>, value: unknown): unknown {
  const fail = (fr: string, en: string): never => {
    throw new EquilibreError("invalid_parameter", { name: info.key, value: String(value), expected: fr, expectedEn: en });
  };
  if (info.kind === "boolean") return typeof value === "boolean" ? value : fail("il faut true ou false", "expected true or false");
  if (info.kind === "numbering")
    return value === "crc99" || value === "anc2018" ? value : fail("il faut « crc99 » ou « anc2018 »", "expected “crc99” or “anc2018”");
  if (typeof value !== "number" || !Number.isFinite(value)) return fail("il faut un nombre", "expected a number");
  if ((info.min !== undefined && value < info.min) || (info.max !== undefined && value > info.max)) {
    return fail(`il faut un nombre entre ${info.min} et ${info.max}`, `expected a number between ${info.min} and ${info.max}`);
  }
  return value;
}
