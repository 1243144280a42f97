-- ST1398 Machine Learning Engineer headline data, from ../shared/seeds (published summary of version 1.0).
insert into standard (reference, title, level, route, lars_code, typical_duration_months, max_funding, eqa_provider,
                      regulated_body, overview, typical_job_titles, standard_page_url, created_at, updated_at)
values ('ST1398', 'Machine learning engineer', 6, 'Digital', 795, 24, 22000, 'Ofqual', null,
        'A Machine learning engineer gathers data from different sources to design, build, deploy and validate '
            || 'machine learning and artificial intelligence solutions.',
        '["AI engineer", "Big data engineer", "Machine learning engineer", "Machine learning operations engineer"]',
        null,
        now(), now());

insert into standard_version (standard_reference, version_number, status, approved_for_delivery)
values ('ST1398', '1.0', 'Approved for delivery', date '2024-12-18');
