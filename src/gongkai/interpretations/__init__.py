"""政策解读: interpretations of policy documents, released with them (国办发〔2016〕80号)."""
