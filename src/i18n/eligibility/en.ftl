## eligibility
