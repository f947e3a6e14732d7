extension RunReport {
    /// Each step's own report, added to the run's: the runner calls these in the order the
    /// steps run.
    mutating func record(_ plan: PlanStepReport) {
        sources = plan.sources
        update(.fetch) {
            $0.recordsIn = plan.sources
            $0.rejected += plan.rejected
            $0.seconds += plan.seconds
        }
        phases["plan"] = plan.seconds
    }

    mutating func record(_ read: ReadStepReport) {
        bytes += read.bytes
        articles += read.articles
        unchanged += read.unchanged
        rejects = read.rejects
        for (stage, counted) in read.stages {
            update(stage) {
                $0.seconds += counted.seconds
                $0.recordsIn += counted.recordsIn
                $0.recordsOut += counted.recordsOut
                $0.rejected += counted.rejected
            }
        }
        phases["workers"] = read.workersSeconds
        phases["store"] = read.storeSeconds
    }

    mutating func record(_ dedupe: DedupeStepReport) {
        documents = dedupe.documents
        duplicates = dedupe.duplicates
        update(.dedupe) {
            $0.recordsIn = dedupe.documents
            $0.duplicates = dedupe.duplicates
            $0.recordsOut = dedupe.documents - dedupe.duplicates
            $0.seconds = dedupe.seconds
        }
        phases["dedupe"] = dedupe.seconds
    }

    mutating func record(_ aggregate: AggregateStepReport) {
        facts = aggregate.facts
        summaryRows = aggregate.summaryRows
        update(.aggregate) {
            // Every kept fact is folded into one summary group; `summary_rows` counts the groups.
            $0.recordsIn = aggregate.factsIn
            $0.recordsOut = aggregate.factsIn
            $0.seconds = aggregate.seconds
        }
        phases["aggregate"] = aggregate.seconds
    }
}
