package uk.apprenticeships.st1398.devstack.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the demo data set holds, worked out from the seed alone (and the day it is loaded for): the same seed and
 * day give the same apprentices, evidence, hours, reviews and assessments. Each record carries a key the loader
 * finds it by on a re-run (the ULN; an evidence title, off-the-job activity or review summary numbered within the
 * apprentice), so a re-run creates nothing that is already there.
 */
final class DemoPlan {

    /** Providers and their employers; the first two are the dev realm's tutors' (tutor1, tutor2). */
    static final List<String> PROVIDERS = List.of("10000001", "10000002", "10000003");

    /** The providers' names in the provider register (what DfE's learner answer shows as providerName). */
    static final Map<String, String> PROVIDER_NAMES = Map.of(
            "10000001", "Northgate Digital Skills",
            "10000002", "Riverside College of Technology",
            "10000003", "Pennine Data Academy");

    /**
     * The provider's MIS learner reference (ILR LearnRefNumber form, up to 12 characters) of the apprentice with this
     * ULN: unique per provider also across seeds (a reference from the index alone made a second seed's enrolments
     * collide with the first's at the same provider).
     */
    static String learnerReference(String uln) {
        return "D" + uln;
    }

    private static final List<List<String>> EMPLOYERS =
            List.of(List.of("EMP0001", "EMP0003", "EMP0004"), List.of("EMP0002", "EMP0005"), List.of("EMP0006"));

    /** The dev realm's apprentices (their ULN claims), enrolled first so that they see their own records. */
    static final String APPRENTICE1_ULN = "1234567890";

    static final String APPRENTICE2_ULN = "2234567891";

    private static final String[] GIVEN = {
        "Amira", "Ben", "Chloe", "Dev", "Ella", "Farah", "George", "Hana", "Isaac", "Jade", "Kwame", "Leah", "Mo",
        "Nia", "Oscar", "Priya", "Quinn", "Rhys", "Sana", "Tom", "Uma", "Victor", "Wei", "Xena", "Yusuf", "Zara",
        "Aled", "Bethan", "Callum", "Darcy", "Eilidh", "Finn", "Grace", "Harvey", "Imogen", "Jamal", "Kiera", "Liam"
    };
    private static final String[] FAMILY = {
        "Ahmed", "Baker", "Campbell", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones", "Khan",
        "Lewis", "Morgan", "Nowak", "Owen", "Patel", "Quinn", "Roberts", "Singh", "Taylor", "Usman", "Vaughan",
        "Walker", "Williams", "Young", "Zhang", "Murphy", "Kelly", "Thomas", "Wright", "Clarke", "Edwards"
    };
    private static final String[] ACTIVITIES = {
        "Module: data engineering fundamentals",
        "Workshop: secure software design",
        "Shadowing the platform team",
        "Online course: cloud architecture",
        "Mentoring session on testing practice",
        "Project day: building the reporting pipeline",
        "Seminar: ethics and data protection",
        "Lab: machine learning models in production"
    };
    static final String[] EVIDENCE_KINDS = {"reflection", "link", "observation", "witness-statement"};

    enum Fate {
        ACTIVE,
        BREAK,
        WITHDRAWN
    }

    /** Where an evidence item ends up. */
    enum Target {
        DRAFT,
        SUBMITTED,
        REFERRED_BACK,
        ACCEPTED
    }

    record EvidencePlan(
            int number, String title, String kind, List<String> ksbCodes, boolean employerConfirms, Target target) {}

    record HoursPlan(int number, String activity, LocalDate date, BigDecimal hours, String outcome) {}

    record ReviewPlan(int number, String summary, LocalDate date, boolean signed) {}

    record AttemptPlan(String method, LocalDate date, String grade) {}

    /**
     * An assessment registration; {@code gatewayDate} null: the gateway to completion is still to come, and
     * {@code declared} says whether the provider has recorded the declarations it needs (employer confirmation,
     * project scope, English and maths).
     */
    record AssessmentPlan(LocalDate gatewayDate, List<AttemptPlan> attempts, boolean declared) {
        String overallGrade() {
            if (attempts.size() < 2) {
                return null;
            }
            if (attempts.stream().anyMatch(a -> a.grade().equals("Fail"))) {
                return "Fail";
            }
            return attempts.stream().allMatch(a -> a.grade().equals("Distinction")) ? "Distinction" : "Pass";
        }

        LocalDate lastAttempt() {
            return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).date();
        }
    }

    /** What an existing record of the ULN says. */
    record Enrolled(String givenName, String familyName, LocalDate startDate, LocalDate plannedEndDate) {}

    record Person(
            int index,
            String uln,
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            String providerUkprn,
            String employerId,
            LocalDate startDate,
            LocalDate plannedEndDate,
            BigDecimal contractedWeeklyHours,
            int plannedLeaveWeeks,
            Fate fate,
            List<EvidencePlan> evidence,
            List<HoursPlan> hours,
            List<ReviewPlan> reviews,
            AssessmentPlan assessment,
            LocalDate statusDate) {

        boolean certificated() {
            String grade = assessment == null ? null : assessment.overallGrade();
            return grade != null && !grade.equals("Fail");
        }
    }

    private DemoPlan() {}

    static Person person(long seed, int index, LocalDate today, List<String> ksbCodes) {
        return person(seed, index, today, ksbCodes, null);
    }

    /**
     * The plan for one apprentice; {@code enrolled} (given names, family name, start and planned end of a record that
     * already holds the ULN, e.g. one the dev realm's apprentice1 was enrolled with by hand) replaces the planned ones,
     * so that what is added fits the record.
     */
    static Person person(long seed, int index, LocalDate today, List<String> ksbCodes, Enrolled enrolled) {
        Random r = new Random(seed * 1_000_003L + index);
        String uln;
        String ukprn;
        String employer;
        if (index == 0) {
            uln = APPRENTICE1_ULN;
            ukprn = PROVIDERS.get(0);
            employer = "EMP0001";
        } else if (index == 1) {
            uln = APPRENTICE2_ULN;
            ukprn = PROVIDERS.get(1);
            employer = "EMP0002";
        } else {
            uln = String.valueOf(3_000_000_000L + Math.floorMod(seed, 100_000L) * 10_000L + index);
            double p = r.nextDouble();
            int provider = p < 0.6 ? 0 : p < 0.85 ? 1 : 2;
            ukprn = PROVIDERS.get(provider);
            List<String> employers = EMPLOYERS.get(provider);
            employer = employers.get(r.nextInt(employers.size()));
        }
        String given = GIVEN[r.nextInt(GIVEN.length)];
        String family = FAMILY[r.nextInt(FAMILY.length)];
        LocalDate dob = today.minusYears(19 + r.nextInt(20)).minusDays(r.nextInt(365));
        // Seven in ten start within the last two years; the rest are earlier cohorts, so outcomes span time.
        int daysAgo = index == 0 ? 600 : r.nextDouble() < 0.7 ? 20 + r.nextInt(710) : 730 + r.nextInt(540);
        LocalDate start = today.minusDays(daysAgo);
        LocalDate plannedEnd = start.plusMonths(r.nextDouble() < 0.8 ? 24 : 30);
        if (enrolled != null) {
            given = enrolled.givenName();
            family = enrolled.familyName();
            start = enrolled.startDate();
            plannedEnd = enrolled.plannedEndDate();
        }
        BigDecimal weekly = r.nextDouble() < 0.8 ? null : new BigDecimal(r.nextBoolean() ? "37.5" : "20");
        int leave = 2 + r.nextInt(7);
        double q = r.nextDouble();
        Fate fate = index < 2 ? Fate.ACTIVE : q < 0.05 ? Fate.WITHDRAWN : q < 0.1 ? Fate.BREAK : Fate.ACTIVE;
        long months = ChronoUnit.MONTHS.between(start, today);
        double diligence = 0.55 + r.nextDouble() * 0.7;
        LocalDate lastDay = today.minusDays(1);
        LocalDate breakFrom = fate == Fate.BREAK ? today.minusDays(25) : null;

        AssessmentPlan assessment = null;
        if (fate != Fate.WITHDRAWN && months >= 16) {
            LocalDate gateway = start.plusMonths(20).plusDays(r.nextInt(14));
            if (months >= 21 && gateway.isBefore(lastDay)) {
                List<AttemptPlan> attempts = new ArrayList<>();
                LocalDate m1 = gateway.plusDays(20 + r.nextInt(20));
                LocalDate m2 = m1.plusDays(7 + r.nextInt(14));
                if (!m2.isAfter(lastDay)) {
                    attempts.add(new AttemptPlan("M1", m1, grade(r)));
                    attempts.add(new AttemptPlan("M2", m2, grade(r)));
                }
                assessment = new AssessmentPlan(gateway, attempts, true);
                fate = Fate.ACTIVE;
                breakFrom = null;
                diligence = Math.max(diligence, 1.0);
            } else {
                assessment = new AssessmentPlan(null, List.of(), r.nextDouble() < 0.65);
            }
        }
        boolean passedGateway = assessment != null && assessment.gatewayDate() != null;

        // Evidence: more with time; KSBs in an order of the apprentice's own, three per item.
        List<String> order = new ArrayList<>(ksbCodes);
        Collections.shuffle(order, r);
        int perItem = 3;
        int full = (order.size() + perItem - 1) / perItem;
        int count = passedGateway ? full : (int) Math.max(1, Math.min(full, Math.round(months * 1.1 * diligence)));
        List<EvidencePlan> evidence = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            List<String> codes = new ArrayList<>();
            for (int k = 0; k < perItem; k++) {
                String code = order.get((j * perItem + k) % order.size());
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
            String kind = EVIDENCE_KINDS[r.nextInt(EVIDENCE_KINDS.length)];
            Target target = Target.ACCEPTED;
            if (!passedGateway && fate != Fate.WITHDRAWN) {
                if (j == count - 1) {
                    target = r.nextBoolean() ? Target.DRAFT : Target.SUBMITTED;
                } else if (j == count - 2) {
                    target = Target.SUBMITTED;
                } else if (j == count - 3) {
                    target = r.nextDouble() < 0.35 ? Target.REFERRED_BACK : Target.ACCEPTED;
                }
            }
            boolean confirms = employer.equals("EMP0001") && j % 4 == 1;
            evidence.add(new EvidencePlan(
                    j + 1, "Evidence " + (j + 1) + ": " + title(kind, codes), kind, codes, confirms, target));
        }

        // Off-the-job hours: about one entry a month, sized by how diligent the apprentice is.
        List<HoursPlan> hours = new ArrayList<>();
        LocalDate hoursUntil = breakFrom != null ? breakFrom.minusDays(1) : lastDay;
        if (assessment != null && assessment.gatewayDate() != null) {
            hoursUntil = assessment.gatewayDate().minusDays(1);
        }
        double perMonth = 23 * diligence;
        for (int k = 0; k < 30; k++) {
            LocalDate date = start.plusMonths(k).plusDays(1 + r.nextInt(20));
            if (date.isAfter(hoursUntil)) {
                break;
            }
            double h = Math.max(1, Math.min(24, perMonth * (0.8 + r.nextDouble() * 0.4)));
            BigDecimal value = BigDecimal.valueOf(h).setScale(1, RoundingMode.HALF_UP);
            String outcome = r.nextDouble() < 0.06 ? "rejected" : "approved";
            hours.add(new HoursPlan(
                    k + 1,
                    "Session " + (k + 1) + ": " + ACTIVITIES[r.nextInt(ACTIVITIES.length)],
                    date,
                    value,
                    outcome));
        }
        if (!hours.isEmpty() && !passedGateway) {
            HoursPlan last = hours.remove(hours.size() - 1);
            hours.add(new HoursPlan(last.number(), last.activity(), last.date(), last.hours(), "pending"));
        }

        // Progress reviews every three months; all but the latest signed off.
        List<ReviewPlan> reviews = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            LocalDate date = start.plusMonths(3L * k);
            if (date.isAfter(breakFrom != null ? breakFrom.minusDays(1) : lastDay)) {
                break;
            }
            reviews.add(new ReviewPlan(k, "Progress review " + k, date, true));
        }
        if (!reviews.isEmpty()) {
            ReviewPlan last = reviews.remove(reviews.size() - 1);
            reviews.add(new ReviewPlan(last.number(), last.summary(), last.date(), false));
        }

        LocalDate statusDate =
                fate == Fate.BREAK ? breakFrom : fate == Fate.WITHDRAWN ? lastDay.minusDays(r.nextInt(30)) : null;
        if (assessment != null && assessment.lastAttempt() != null) {
            statusDate = assessment.lastAttempt();
        }
        if (statusDate != null && statusDate.isBefore(start)) {
            statusDate = start;
        }
        return new Person(
                index,
                uln,
                given,
                family,
                dob,
                ukprn,
                employer,
                start,
                plannedEnd,
                weekly,
                leave,
                fate,
                evidence,
                hours,
                reviews,
                assessment,
                statusDate);
    }

    private static String grade(Random r) {
        double g = r.nextDouble();
        return g < 0.1 ? "Fail" : g < 0.35 ? "Distinction" : "Pass";
    }

    private static String title(String kind, List<String> codes) {
        String what = switch (kind) {
            case "link" -> "Project repository";
            case "observation" -> "Observed at work";
            case "witness-statement" -> "Line manager's statement";
            default -> "Reflective account";
        };
        return what + " (" + String.join(", ", codes) + ")";
    }
}
