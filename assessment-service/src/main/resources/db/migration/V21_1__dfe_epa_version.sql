-- The standard version a DfE client gives for one EPA (DfE's Models/Request/Epa/EpaRecord.cs Version): DfE stores it as
-- given, without checking it, and answers it back in the learner's epaDetails.epas[].version; absent when not given.
-- This platform's own EPA API has no such member, so its EPAs have none.
alter table epa_record_epa add column version text;
