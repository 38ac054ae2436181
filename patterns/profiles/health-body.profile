# Sharing profile (format: docs/profiles.md). Checked by `redact profiles check`.
# A health provider treating the person receives their NHS number, date of birth and health data.

id = health-body
version = 2026.11.1
label = NHS body or other health provider
recipients = health-body
legal_basis = UK GDPR Art. 6(1)(e) and Art. 9(2)(h); DPA 2018 Sch. 1 para 2 (health or social care purposes)
section14 = none
agreement = 3
signatory = governor-director
offence_pack = false

# Categories (taxonomy ids) redacted, with the justification code recorded for each.
redact = nino identity-document
redact = pnc_id criminal-record
redact = cro_number criminal-record
redact = prison_number criminal-record
redact = crn criminal-record
redact = passport_number identity-document
redact = driving_licence identity-document
redact = vehicle_registration privacy
redact = sort_code financial
redact = bank_account financial
redact = payment_card financial
redact = iban financial
redact = phone_number contact-details
redact = email_address contact-details
redact = postcode contact-details
redact = ip_address privacy
redact = person_name third-party-data
redact = address contact-details
redact = offence_information criminal-record

# Categories left in the copy, with the decision recorded for each.
keep = nhs_number required-for-case
keep = date_of_birth required-for-case
keep = special_category required-for-case

# Names from the --names list, by the party's role (a name without a role follows person_name).
redact_role = victim third-party-data
redact_role = witness third-party-data
keep_role = defendant required-for-case
redact_role = officer privacy
keep_role = professional required-for-case
